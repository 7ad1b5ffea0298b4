package dev.tracelookup.backend.zipkin;

import dev.tracelookup.testing.GeneratedDocument;

/**
 * A Zipkin trace list of one trace with many spans, written as it is read so that the document
 * itself never sits in memory: only the reader under test can make memory grow with its size.
 */
final class GeneratedZipkinTrace extends GeneratedDocument {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long START_MICROS = 1_770_387_443_000_000L;

  GeneratedZipkinTrace(int spanCount) {
    super("[[", spanCount, GeneratedZipkinTrace::span, "]]");
  }

  private static String span(int index) {
    return String.format(
        "{\"traceId\":\"%s\",\"parentId\":\"0000000000000001\",\"id\":\"%016x\",\"kind\":\"CLIENT\",\"name\":\"select"
            + " shop.orders %d\",\"timestamp\":%d,\"duration\":1000,"
            + "\"localEndpoint\":{\"serviceName\":\"order-svc\",\"ipv4\":\"10.0.0.7\"},"
            + "\"remoteEndpoint\":{\"serviceName\":\"postgresql\",\"port\":5432},"
            + "\"annotations\":[{\"timestamp\":%d,\"value\":\"\\\"rows\\\":{\\\"db.rows\\\":\\\"12\\\"}\"}],\"tags\":{\"db.system.name\":\"postgresql\",\"db.query.text\":\"select"
            + " * from orders where id = $1\","
            + "\"user.id\":\"usr_k8x9m2\",\"otel.status_code\":\"OK\"}}",
        TRACE_ID, index + 2L, index, START_MICROS + index, START_MICROS + index + 500);
  }
}
