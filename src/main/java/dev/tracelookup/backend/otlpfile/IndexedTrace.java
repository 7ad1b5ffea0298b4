package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.backend.TraceQuery;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the index keeps of one trace: enough to decide whether a query matches it, and where its
 * spans are, but not the spans.
 *
 * @param services the services of its spans, lower case
 * @param spanNames the names of its spans, lower case
 * @param failing whether any span fails by {@link dev.tracelookup.trace.FailureRules}
 * @param lines the lines holding its spans, in the order they were indexed
 */
record IndexedTrace(
    String traceId,
    long startEpochNanos,
    long endEpochNanos,
    Set<String> services,
    Set<String> spanNames,
    boolean failing,
    List<LineRef> lines) {

  /** Newest start first; the trace ID breaks ties so the order never depends on the files. */
  static final Comparator<IndexedTrace> NEWEST_FIRST =
      Comparator.comparingLong(IndexedTrace::startEpochNanos)
          .reversed()
          .thenComparing(IndexedTrace::traceId);

  IndexedTrace {
    Objects.requireNonNull(traceId, "traceId");
    services = Set.copyOf(services);
    spanNames = Set.copyOf(spanNames);
    lines = List.copyOf(lines);
  }

  /**
   * Returns whether the trace passes the query's window and filters; the user ID was matched by the
   * index. A trace matches a window it overlaps, as in Tempo: it starts before the window ends and
   * ends after the window starts.
   */
  boolean matches(TraceQuery query) {
    return overlaps(query.from(), query.to())
        && query.service().map(service -> services.contains(lower(service))).orElse(true)
        && query.spanName().map(name -> spanNames.contains(lower(name))).orElse(true)
        && (failing || !query.errorsOnly());
  }

  /**
   * Returns whether the trace overlaps the window: it starts before it ends and ends after it
   * starts.
   */
  boolean overlaps(Instant from, Instant to) {
    return startEpochNanos <= epochNanos(to) && endEpochNanos >= epochNanos(from);
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  /** Returns the instant in nanoseconds since the epoch, saturated at the ends of a long. */
  static long epochNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException beyondLong) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
