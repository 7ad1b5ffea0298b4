package dev.tracelookup.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a card shows about one trace.
 *
 * @param summary the entry span, the times and the verdict
 * @param errorPath for a failed or refused trace, the path from the entry down to the culprit
 * @param timeline the rows of the trace's compact waterfall, in tree order
 * @param trigger the request in another trace that queued this trace's work, when a link says so
 * @param linkedTraceIds the other traces read into this one through span links: work it queued
 */
public record TraceAnalysis(
    TraceSummary summary,
    Optional<ErrorPath> errorPath,
    List<TimelineRow> timeline,
    Optional<Trigger> trigger,
    List<String> linkedTraceIds) {

  public TraceAnalysis {
    Objects.requireNonNull(summary, "summary");
    errorPath = errorPath == null ? Optional.empty() : errorPath;
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
    trigger = trigger == null ? Optional.empty() : trigger;
    linkedTraceIds = linkedTraceIds == null ? List.of() : List.copyOf(linkedTraceIds);
  }

  /** An analysis with no waterfall and no links, as tests and older callers build it. */
  public TraceAnalysis(TraceSummary summary, Optional<ErrorPath> errorPath) {
    this(summary, errorPath, List.of(), Optional.empty(), List.of());
  }

  /** Returns how many linked traces were read into this one. */
  public int linkedTraces() {
    return linkedTraceIds.size();
  }

  /** Returns whether the span came from a linked trace rather than the customer's own. */
  public boolean isLinked(Span span) {
    return !linkedTraceIds.isEmpty() && linkedTraceIds.contains(span.traceId());
  }

  public Verdict verdict() {
    return summary.verdict();
  }
}
