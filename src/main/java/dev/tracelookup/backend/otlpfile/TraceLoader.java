package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads an indexed trace's spans back from its lines. Stateless, so safe for concurrent use. */
final class TraceLoader {
  private final OtlpJsonReader reader;

  TraceLoader(OtlpJsonReader reader) {
    this.reader = reader;
  }

  /**
   * Returns the whole trace. A span written twice (an exporter's retry) is kept once; a client and
   * a server span sharing one ID (Brave's and Envoy's B3 "join") are two spans, both kept, as the
   * span tree tells them apart by kind.
   *
   * @throws IOException when a line cannot be read again, or no longer holds the trace: the files
   *     changed after they were indexed, and the next refresh has not caught up yet
   */
  Trace load(IndexedTrace trace) throws IOException {
    Map<String, Span> spans = new LinkedHashMap<>();
    for (LineRef line : trace.lines()) {
      byte[] json = line.read();
      reader.read(
          json,
          0,
          json.length,
          span -> {
            if (span.traceId().equals(trace.traceId())) {
              spans.putIfAbsent(span.spanId() + '/' + span.kind(), span);
            }
          });
    }
    if (spans.isEmpty()) {
      throw new IOException(
          "the trace files changed since they were indexed; the index follows within a few"
              + " seconds");
    }
    return new Trace(trace.traceId(), new ArrayList<>(spans.values()));
  }
}
