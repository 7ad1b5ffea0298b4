package dev.tracelookup.backend.zipkin;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;

/**
 * A Zipkin trace list of one trace with many spans, written as it is read so that the document
 * itself never sits in memory: only the reader under test can make memory grow with its size.
 */
final class GeneratedZipkinTrace extends InputStream {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long START_MICROS = 1_770_387_443_000_000L;

  private final int spanCount;
  private int nextSpan;
  private byte[] chunk = "[[".getBytes(UTF_8);
  private int position;

  GeneratedZipkinTrace(int spanCount) {
    this.spanCount = spanCount;
  }

  @Override
  public int read() {
    if (position == chunk.length && !advance()) {
      return -1;
    }
    return chunk[position++] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (position == chunk.length && !advance()) {
      return -1;
    }
    int count = Math.min(length, chunk.length - position);
    System.arraycopy(chunk, position, buffer, offset, count);
    position += count;
    return count;
  }

  private boolean advance() {
    if (nextSpan > spanCount) {
      return false;
    }
    chunk = (nextSpan == spanCount ? "]]" : span(nextSpan)).getBytes(UTF_8);
    position = 0;
    nextSpan++;
    return true;
  }

  private static String span(int index) {
    return (index == 0 ? "" : ",") + String.format(
        "{\"traceId\":\"%s\",\"parentId\":\"0000000000000001\",\"id\":\"%016x\",\"kind\":\"CLIENT\","
            + "\"name\":\"select shop.orders %d\",\"timestamp\":%d,\"duration\":1000,"
            + "\"localEndpoint\":{\"serviceName\":\"order-svc\",\"ipv4\":\"10.0.0.7\"},"
            + "\"remoteEndpoint\":{\"serviceName\":\"postgresql\",\"port\":5432},"
            + "\"annotations\":[{\"timestamp\":%d,\"value\":\"\\\"rows\\\":{\\\"db.rows\\\":\\\"12\\\"}\"}],"
            + "\"tags\":{\"db.system.name\":\"postgresql\",\"db.query.text\":\"select * from orders where id = $1\","
            + "\"user.id\":\"usr_k8x9m2\",\"otel.status_code\":\"OK\"}}",
        TRACE_ID, index + 2L, index, START_MICROS + index, START_MICROS + index + 500);
  }
}
