package dev.tracelookup.backend.tempo;

import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.http.BodyReader;
import dev.tracelookup.trace.Span;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads Tempo's trace-by-ID JSON as it streams in: v2 {@code {"trace":{"resourceSpans":..},
 * "metrics":..,"status":"PARTIAL","message":..}} or v1 {@code {"batches":..}}, with base64 IDs,
 * enum names and int64 strings, all of which {@link OtlpJsonReader} handles.
 */
final class TraceResponseReader implements BodyReader<TraceDocument> {
  private final OtlpJsonReader otlp;

  TraceResponseReader(OtlpJsonReader otlp) {
    this.otlp = otlp;
  }

  @Override
  public TraceDocument read(InputStream body) throws IOException {
    List<Span> spans = new ArrayList<>();
    AtomicBoolean partial = new AtomicBoolean();
    otlp.read(
        body,
        spans::add,
        (field, value) -> {
          if (field.equals("status") && isPartial(value)) {
            partial.set(true);
          }
        });
    return new TraceDocument(spans, partial.get());
  }

  /** gogo jsonpb writes the enum's name; a client configured for numbers would see 1. */
  private static boolean isPartial(String status) {
    return status.equals("PARTIAL") || status.equals("1");
  }
}
