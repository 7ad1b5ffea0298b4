package dev.tracelookup.backend.jaeger;

import dev.tracelookup.trace.Trace;
import java.util.List;

/** Jaeger's UI JSON envelope: the traces in {@code data} and the messages in {@code errors}. */
record V1Response(List<Trace> traces, List<String> errors) {
  V1Response {
    traces = List.copyOf(traces);
    errors = List.copyOf(errors);
  }
}
