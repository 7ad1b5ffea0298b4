package dev.tracelookup.trace;

import java.util.List;
import java.util.Objects;

/** All the spans a backend returned for one trace ID, in no particular order. */
public record Trace(String traceId, List<Span> spans) {
  public Trace {
    Objects.requireNonNull(traceId, "traceId");
    spans = List.copyOf(spans);
  }
}
