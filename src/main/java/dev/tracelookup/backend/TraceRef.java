package dev.tracelookup.backend;

import dev.tracelookup.trace.Trace;
import java.util.Objects;
import java.util.Optional;

/**
 * One trace a search found: its normalised ID and, for backends whose search returns whole traces
 * (Zipkin, Jaeger, the file backend), the trace itself so no second call is needed.
 */
public record TraceRef(String traceId, Optional<Trace> trace) {
  public TraceRef {
    Objects.requireNonNull(traceId, "traceId");
    trace = trace == null ? Optional.empty() : trace;
  }

  public static TraceRef of(Trace trace) {
    return new TraceRef(trace.traceId(), Optional.of(trace));
  }
}
