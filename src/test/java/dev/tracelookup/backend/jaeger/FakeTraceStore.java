package dev.tracelookup.backend.jaeger;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.Trace;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The traces a fake Jaeger holds, searched the way Jaeger's memory and Elasticsearch storages do:
 * one span must carry the service and every attribute and start inside the window (start inclusive,
 * end exclusive); the whole trace is returned, newest first, at most {@code depth}.
 */
final class FakeTraceStore {
  private final List<Trace> traces = new CopyOnWriteArrayList<>();

  void add(Trace... added) {
    traces.addAll(List.of(added));
  }

  List<Trace> find(
      Optional<String> service,
      Map<String, String> attributes,
      Instant from,
      Instant to,
      int depth) {
    return traces.stream()
        .filter(
            trace ->
                trace.spans().stream()
                    .anyMatch(span -> matches(span, service, attributes, from, to)))
        .sorted(Comparator.comparing(FakeTraceStore::start).reversed())
        .limit(depth)
        .toList();
  }

  Optional<Trace> get(String traceId) {
    return traces.stream().filter(trace -> trace.traceId().equals(traceId)).findFirst();
  }

  private static boolean matches(
      Span span,
      Optional<String> service,
      Map<String, String> attributes,
      Instant from,
      Instant to) {
    return service.map(span.service()::equals).orElse(true)
        && !span.start().isBefore(from)
        && span.start().isBefore(to)
        && attributes.entrySet().stream().allMatch(wanted -> carries(span, wanted));
  }

  private static boolean carries(Span span, Map.Entry<String, String> wanted) {
    if (wanted.getValue().equals(span.attributes().values().get(wanted.getKey()))) {
      return true;
    }
    for (SpanEvent event : span.events()) {
      if (wanted.getValue().equals(event.attributes().values().get(wanted.getKey()))) {
        return true;
      }
    }
    return false;
  }

  private static Instant start(Trace trace) {
    return trace.spans().stream()
        .map(Span::start)
        .min(Comparator.naturalOrder())
        .orElse(Instant.EPOCH);
  }
}
