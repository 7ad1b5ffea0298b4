package dev.tracelookup.backend.tempo;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A Tempo v2 trace-by-ID answer with many spans, written as it is read so the document never sits
 * in memory. Each span comes in its own {@code resourceSpans} entry with the resource attributes an
 * SDK on Kubernetes sends, as Tempo returns spans ingested in small batches; the reader keeps only
 * the service name of those, so the document is much larger than the trace it holds.
 */
final class TempoTraceStream extends InputStream {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final long START = 1_770_387_443_000_000_000L;
  private static final String TRACE_ID_BASE64 = TempoJson.base64(TRACE_ID);
  private static final String RESOURCE =
      "{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"order-svc\"}},"
          + attribute("service.version", "2026.02.1")
          + ","
          + attribute("deployment.environment.name", "production")
          + ","
          + attribute("k8s.namespace.name", "shop")
          + ","
          + attribute("k8s.pod.name", "order-svc-7d9c8b6f5-x2k4p")
          + ","
          + attribute("k8s.node.name", "ip-10-0-12-34.eu-west-1.compute.internal")
          + ","
          + attribute("k8s.deployment.name", "order-svc")
          + ","
          + attribute("host.arch", "amd64")
          + ","
          + attribute("os.description", "Linux 6.1.0-18-cloud-amd64")
          + ","
          + attribute(
              "process.runtime.description", "Eclipse Adoptium OpenJDK 64-Bit Server VM 17.0.13+11")
          + ","
          + attribute(
              "process.command_line",
              "/opt/java/openjdk/bin/java -XX:MaxRAMPercentage=75 -jar app.jar")
          + ","
          + attribute("telemetry.sdk.name", "opentelemetry")
          + ","
          + attribute("telemetry.sdk.language", "java")
          + ","
          + attribute("telemetry.sdk.version", "1.44.1")
          + ","
          + attribute("telemetry.distro.version", "2.10.0")
          + "]},\"scopeSpans\":[{\"scope\":{\"name\":\"io.opentelemetry.jdbc\","
          + "\"version\":\"2.10.0-alpha\"},\"spans\":[";

  private final int spanCount;
  private int nextSpan;
  private ByteBuffer chunk = UTF_8.encode("{\"trace\":{\"resourceSpans\":[");

  TempoTraceStream(int spanCount) {
    this.spanCount = spanCount;
  }

  @Override
  public int read() {
    if (!chunk.hasRemaining() && !advance()) {
      return -1;
    }
    return chunk.get() & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!chunk.hasRemaining() && !advance()) {
      return -1;
    }
    int count = Math.min(length, chunk.remaining());
    chunk.get(buffer, offset, count);
    return count;
  }

  private boolean advance() {
    if (nextSpan > spanCount) {
      return false;
    }
    String text =
        nextSpan == spanCount
            ? "]},\"metrics\":{\"inspectedBytes\":\"52428800\"},\"status\":\"PARTIAL\","
                + "\"message\":\"trace exceeds max size; a partial trace is returned\"}"
            : (nextSpan == 0 ? "" : ",") + RESOURCE + span(nextSpan) + "]}]}";
    chunk = UTF_8.encode(text);
    nextSpan++;
    return true;
  }

  private static String span(int index) {
    long start = START + index * 1_000L;
    return "{\"traceId\":\""
        + TRACE_ID_BASE64
        + "\",\"spanId\":\""
        + spanIdBase64(index + 2L)
        + "\",\"parentSpanId\":\""
        + spanIdBase64(1)
        + "\",\"name\":\"SELECT shop.orders\","
        + "\"kind\":\"SPAN_KIND_CLIENT\",\"startTimeUnixNano\":\""
        + start
        + "\",\"endTimeUnixNano\":\""
        + (start + 900)
        + "\",\"attributes\":["
        + attribute("db.system.name", "postgresql")
        + ","
        + attribute("db.query.text", "SELECT * FROM orders WHERE id = $1")
        + "],\"status\":{}}";
  }

  private static String spanIdBase64(long id) {
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(id).array());
  }

  private static String attribute(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }
}
