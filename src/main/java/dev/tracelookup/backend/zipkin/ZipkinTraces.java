package dev.tracelookup.backend.zipkin;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds traces from the spans Zipkin answered, and tells where a trace lies in time. */
final class ZipkinTraces {
  private static final String ZERO_HIGH_HALF = "0".repeat(16);

  private ZipkinTraces() {}

  /** Collects the spans of a search answer by their trace's position in the list. */
  static final class Collector implements ZipkinJsonReader.TraceListSink {
    private final List<List<Span>> spansByTrace = new ArrayList<>();

    @Override
    public void accept(int traceIndex, Span span) {
      while (spansByTrace.size() <= traceIndex) {
        spansByTrace.add(new ArrayList<>());
      }
      spansByTrace.get(traceIndex).add(span);
    }

    /** Returns the non-empty traces, in the order Zipkin answered them. */
    List<Trace> traces() {
      List<Trace> traces = new ArrayList<>(spansByTrace.size());
      for (List<Span> spans : spansByTrace) {
        assemble(spans).ifPresent(traces::add);
      }
      return traces;
    }
  }

  /**
   * Returns the trace of these spans, or empty when there are none. Zipkin, when told not to be
   * strict about trace IDs, mixes 64-bit and 128-bit IDs of one trace in one list; the 128-bit ID
   * is the trace's, and every span gets it so the model sees one trace.
   */
  static Optional<Trace> assemble(List<Span> spans) {
    if (spans.isEmpty()) {
      return Optional.empty();
    }
    String traceId = spans.get(0).traceId();
    for (Span span : spans) {
      if (!span.traceId().startsWith(ZERO_HIGH_HALF)) {
        traceId = span.traceId();
        break;
      }
    }
    List<Span> sameId = new ArrayList<>(spans.size());
    for (Span span : spans) {
      sameId.add(span.traceId().equals(traceId) ? span : withTraceId(span, traceId));
    }
    return Optional.of(new Trace(traceId, sameId));
  }

  /**
   * Returns whether the trace overlaps the window: it starts before the window ends and ends after
   * it starts. Spans without a timestamp (their other half never reported) do not count; a trace
   * with none cannot be placed and does not match, as in Zipkin.
   */
  static boolean overlaps(Trace trace, Instant from, Instant to) {
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    for (Span span : trace.spans()) {
      if (span.startEpochNanos() > 0) {
        start = Math.min(start, span.startEpochNanos());
        end = Math.max(end, span.endEpochNanos());
      }
    }
    return start != Long.MAX_VALUE
        && !Instant.ofEpochSecond(0, start).isAfter(to)
        && !Instant.ofEpochSecond(0, end).isBefore(from);
  }

  /**
   * Returns when the trace's earliest timed span started, in nanoseconds since the epoch; 0 if
   * none.
   */
  static long start(Trace trace) {
    return trace.spans().stream()
        .mapToLong(Span::startEpochNanos)
        .filter(nanos -> nanos > 0)
        .min()
        .orElse(0);
  }

  private static Span withTraceId(Span span, String traceId) {
    return span.toBuilder().traceId(traceId).build();
  }
}
