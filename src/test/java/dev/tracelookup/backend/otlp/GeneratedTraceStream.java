package dev.tracelookup.backend.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;

/**
 * An OTLP JSON document of one trace with many spans, written as it is read so that the document
 * itself never sits in memory: only the reader under test can make memory grow with its size.
 */
final class GeneratedTraceStream extends InputStream {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long START = 1_770_387_443_000_000_000L;

  private final int spanCount;
  private int nextSpan;
  private byte[] chunk =
      ("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
              + "\"value\":{\"stringValue\":\"order-svc\"}}]},\"scopeSpans\":[{\"spans\":[")
          .getBytes(UTF_8);
  private int position;

  GeneratedTraceStream(int spanCount) {
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
    chunk = (nextSpan == spanCount ? "]}]}]}" : span(nextSpan)).getBytes(UTF_8);
    position = 0;
    nextSpan++;
    return true;
  }

  private static String span(int index) {
    String separator = index == 0 ? "" : ",";
    return separator
        + String.format(
            "{\"traceId\":\"%s\",\"spanId\":\"%016x\",\"parentSpanId\":\"%016x\",\"name\":\"db.query"
                + " %d\",\"kind\":3,\"startTimeUnixNano\":\"%d\",\"endTimeUnixNano\":\"%d\","
                + "\"attributes\":[{\"key\":\"db.system.name\",\"value\":{\"stringValue\":\"postgresql\"}},{\"key\":\"db.query.text\",\"value\":{\"stringValue\":\"SELECT"
                + " * FROM orders WHERE id = $1\"}},"
                + "{\"key\":\"user.id\",\"value\":{\"stringValue\":\"usr_k8x9m2\"}}],"
                + "\"events\":[{\"timeUnixNano\":\"%d\",\"name\":\"rows\"}],\"status\":{\"code\":1}}",
            TRACE_ID,
            index + 2L,
            1L,
            index,
            START + index,
            START + index + 1_000,
            START + index + 500);
  }
}
