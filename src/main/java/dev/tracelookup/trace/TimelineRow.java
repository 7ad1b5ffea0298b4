package dev.tracelookup.trace;

import java.util.Objects;

/**
 * One span of a trace's waterfall: where it sits in the tree, when it ran, and what it did.
 *
 * @param depth how far below the waterfall's first row the span hangs (0 for the entry)
 * @param startEpochNanos when it started; renderers scale against the rows' own range, because a
 *     linked consumer may run minutes after its producer
 * @param mark ok, failed, or failed and then recovered
 * @param onPath on the error path, or on the time path of a trace that did not fail
 * @param culprit the error path's last step
 * @param tookTheTime the deepest span that took most of its parent's time: the slow one
 */
public record TimelineRow(
    String spanId,
    String traceId,
    int depth,
    String service,
    String name,
    long startEpochNanos,
    long durationNanos,
    Mark mark,
    boolean onPath,
    boolean culprit,
    boolean tookTheTime) {

  /** What the span did. */
  public enum Mark {
    OK,
    FAILED,
    RECOVERED
  }

  public TimelineRow {
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(traceId, "traceId");
    service = service == null ? "" : service;
    name = name == null ? "" : name;
    Objects.requireNonNull(mark, "mark");
  }

  public long endEpochNanos() {
    return startEpochNanos + durationNanos;
  }
}
