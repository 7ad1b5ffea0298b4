package dev.tracelookup.backend.otlp;

import dev.tracelookup.testing.GeneratedDocument;

/**
 * An OTLP JSON document of one trace with many spans, written as it is read so that the document
 * itself never sits in memory: only the reader under test can make memory grow with its size.
 */
final class GeneratedTraceStream extends GeneratedDocument {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long START = 1_770_387_443_000_000_000L;

  private static final String HEAD =
      "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
          + "\"value\":{\"stringValue\":\"order-svc\"}}]},\"scopeSpans\":[{\"spans\":[";

  GeneratedTraceStream(int spanCount) {
    super(HEAD, spanCount, GeneratedTraceStream::span, "]}]}]}");
  }

  private static String span(int index) {
    return String.format(
        "{\"traceId\":\"%s\",\"spanId\":\"%016x\",\"parentSpanId\":\"%016x\",\"name\":\"db.query"
            + " %d\",\"kind\":3,\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\","
            + "\"attributes\":[{\"key\":\"db.system.name\",\"value\":{\"stringValue\":\"postgresql\"}},{\"key\":\"db.query.text\",\"value\":{\"stringValue\":\"SELECT"
            + " * FROM orders WHERE id = $1\"}},"
            + "{\"key\":\"user.id\",\"value\":{\"stringValue\":\"usr_k8x9m2\"}}],"
            + "\"events\":[{\"timeUnixNano\":\"%d\",\"name\":\"rows\"}],\"status\":{\"code\":1}}",
        TRACE_ID, index + 2L, 1L, index, START + index, START + index + 1_000, START + index + 500);
  }
}
