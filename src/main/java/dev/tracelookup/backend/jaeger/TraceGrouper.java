package dev.tracelookup.backend.jaeger;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Splits a stream of spans of many traces, as Jaeger's api/v3 search merges them into one list,
 * into whole traces, in the order each trace was first seen.
 */
final class TraceGrouper implements Consumer<Span> {
  private final Map<String, List<Span>> spansByTrace = new LinkedHashMap<>();

  @Override
  public void accept(Span span) {
    spansByTrace.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
  }

  /** Returns the traces read so far. */
  List<Trace> traces() {
    List<Trace> traces = new ArrayList<>(spansByTrace.size());
    spansByTrace.forEach((traceId, spans) -> traces.add(new Trace(traceId, spans)));
    return traces;
  }
}
