package dev.tracelookup.backend.jaeger;

import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.Trace;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Checks a returned trace against the whole query. Jaeger cannot express "errors only" or "a span
 * of this service anywhere in the trace", matches windows on span start times only, and older
 * api/v3 gateways ignore attribute filters altogether; so every trace is checked here.
 */
final class TraceMatcher {
  private final TraceQuery query;
  private final List<String> userKeys;

  TraceMatcher(TraceQuery query, List<String> userKeys) {
    this.query = query;
    this.userKeys = List.copyOf(userKeys);
  }

  /** Returns whether some span, or one of its events, carries the user ID under a user key. */
  boolean carriesUser(Trace trace) {
    return trace.spans().stream().anyMatch(this::carriesUser);
  }

  /** Returns whether the trace overlaps the window and passes the query's filters. */
  boolean matchesFilters(Trace trace) {
    List<Span> spans = trace.spans();
    return overlapsWindow(spans)
        && (!query.errorsOnly() || spans.stream().anyMatch(FailureRules::isFailing))
        && matchesAny(query.service(), spans.stream().map(Span::service).toList())
        && matchesAny(query.spanName(), spans.stream().map(Span::name).toList());
  }

  private boolean carriesUser(Span span) {
    for (String key : userKeys) {
      if (hasUser(span.attributes().get(key))) {
        return true;
      }
      for (SpanEvent event : span.events()) {
        if (hasUser(event.attributes().get(key))) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean hasUser(Optional<String> value) {
    return value.map(query.userId()::equals).orElse(false);
  }

  private boolean overlapsWindow(List<Span> spans) {
    long start = spans.stream().mapToLong(Span::startEpochNanos).min().orElse(Long.MAX_VALUE);
    long end = spans.stream().mapToLong(Span::endEpochNanos).max().orElse(Long.MIN_VALUE);
    return !Instant.ofEpochSecond(0, start).isAfter(query.to())
        && !Instant.ofEpochSecond(0, end).isBefore(query.from());
  }

  private static boolean matchesAny(Optional<String> wanted, List<String> values) {
    return wanted.isEmpty() || values.stream().anyMatch(wanted.get()::equalsIgnoreCase);
  }
}
