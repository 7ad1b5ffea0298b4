package dev.tracelookup.backend.tempo;

import dev.tracelookup.trace.Span;
import java.util.List;

/**
 * A trace-by-ID answer as read.
 *
 * @param partial Tempo said {@code "status":"PARTIAL"}: the trace was over its size limit, or
 *     filtered
 */
record TraceDocument(List<Span> spans, boolean partial) {
  TraceDocument {
    spans = List.copyOf(spans);
  }
}
