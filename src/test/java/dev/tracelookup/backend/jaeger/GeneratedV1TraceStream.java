package dev.tracelookup.backend.jaeger;

import dev.tracelookup.testing.GeneratedDocument;

/**
 * A Jaeger UI JSON answer holding one trace of many spans, written as it is read so the document
 * never sits in memory; as Jaeger writes it, the processes come after all the spans.
 */
final class GeneratedV1TraceStream extends GeneratedDocument {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long START_MICROS = 1_770_387_443_000_000L;

  GeneratedV1TraceStream(int spanCount) {
    super(
        "{\"data\":[{\"traceID\":\"" + TRACE_ID + "\",\"spans\":[",
        spanCount,
        GeneratedV1TraceStream::span,
        end());
  }

  private static String end() {
    return "],\"processes\":{\"p1\":{\"serviceName\":\"order-svc\",\"tags\":["
        + tag("host.name", "order-7f9c")
        + "]}},\"warnings\":null}],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}";
  }

  private static String span(int index) {
    String tags =
        String.join(
            ",",
            tag("otel.scope.name", "io.opentelemetry.jdbc"),
            tag("db.system.name", "postgresql"),
            tag("db.query.text", "SELECT * FROM orders WHERE id = $1"),
            tag("user.id", "usr_k8x9m2"),
            tag("span.kind", "client"),
            tag("otel.status_code", "OK"));
    return String.format(
        "{\"traceID\":\"%s\",\"spanID\":\"%016x\",\"operationName\":\"db.query %d\","
            + "\"references\":[{\"refType\":\"CHILD_OF\",\"traceID\":\"%s\","
            + "\"spanID\":\"%016x\"}],\"startTime\":%d,\"duration\":%d,\"tags\":[%s],"
            + "\"logs\":[{\"timestamp\":%d,\"fields\":[%s]}],\"processID\":\"p1\","
            + "\"warnings\":null}",
        TRACE_ID,
        index + 2L,
        index,
        TRACE_ID,
        1L,
        START_MICROS + index,
        1_000,
        tags,
        START_MICROS + index,
        tag("event", "rows"));
  }

  private static String tag(String key, String value) {
    return "{\"key\":\"" + key + "\",\"type\":\"string\",\"value\":\"" + value + "\"}";
  }
}
