package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** What is known of one trace while the files are read; becomes an {@link IndexedTrace}. */
final class TraceFacts {
  private final String traceId;
  private long start = Long.MAX_VALUE;
  private long end = Long.MIN_VALUE;
  private final Set<String> services = new HashSet<>();
  private final Set<String> spanNames = new HashSet<>();
  private final Set<LineRef> lines = new LinkedHashSet<>();
  private boolean failing;

  TraceFacts(String traceId) {
    this.traceId = traceId;
  }

  /**
   * @param lowerCased returns a name in lower case, the same instance for every equal name: the
   *     index of a large directory would otherwise hold one copy of each name per trace
   */
  void add(Span span, LineRef line, UnaryOperator<String> lowerCased) {
    start = Math.min(start, span.startEpochNanos());
    end = Math.max(end, span.endEpochNanos());
    services.add(lowerCased.apply(span.service()));
    spanNames.add(lowerCased.apply(span.name()));
    failing |= FailureRules.isFailing(span);
    lines.add(line);
  }

  IndexedTrace freeze() {
    return new IndexedTrace(traceId, start, end, services, spanNames, failing, List.copyOf(lines));
  }
}
