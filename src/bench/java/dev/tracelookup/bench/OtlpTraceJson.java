package dev.tracelookup.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Writes one OTLP JSON trace of any size shaped like a real request: a server entry span fanning
 * out four ways at every level across seven services, a few attributes per span, and one failing
 * leaf whose ancestors all fail with it, so analysis has an error path to find.
 */
final class OtlpTraceJson {
  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String USER_ID = "usr_k8x9m2";
  static final long START_NANOS = 1_770_387_443_000_000_000L;

  // Real exporters batch spans per resource; a few hundred per batch is typical of the SDKs.
  private static final int SPANS_PER_RESOURCE = 500;
  private static final int FAN_OUT = 4;

  private OtlpTraceJson() {}

  /** Returns the document of a trace with {@code spanCount} spans, the last one failing. */
  static byte[] of(int spanCount) {
    return of(spanCount, TRACE_ID);
  }

  /**
   * Returns the document of trace {@code traceId} with {@code spanCount} spans, the last failing.
   */
  static byte[] of(int spanCount, String traceId) {
    boolean[] failing = failingPath(spanCount);
    StringBuilder json = new StringBuilder(spanCount * 640).append("{\"resourceSpans\":[");
    for (int first = 0; first < spanCount; first += SPANS_PER_RESOURCE) {
      json.append(first == 0 ? "" : ",")
          .append("{\"resource\":{\"attributes\":[")
          .append(attribute("service.name", "svc-" + (first / SPANS_PER_RESOURCE) % 7))
          .append("]},\"scopeSpans\":[{\"scope\":{\"name\":\"io.opentelemetry\"},\"spans\":[");
      for (int i = first; i < Math.min(spanCount, first + SPANS_PER_RESOURCE); i++) {
        span(json.append(i == first ? "" : ","), traceId, i, spanCount, failing[i]);
      }
      json.append("]}]}");
    }
    return json.append("]}").toString().getBytes(UTF_8);
  }

  private static boolean[] failingPath(int spanCount) {
    boolean[] failing = new boolean[spanCount];
    for (int i = spanCount - 1; i > 0; i = parent(i)) {
      failing[i] = true;
    }
    failing[0] = true;
    return failing;
  }

  private static int parent(int index) {
    return (index - 1) / FAN_OUT;
  }

  private static void span(
      StringBuilder json, String traceId, int index, int spanCount, boolean failing) {
    boolean entry = index == 0;
    long start = START_NANOS + index * 1_000L;
    json.append("{\"traceId\":\"")
        .append(traceId)
        .append("\",\"spanId\":\"")
        .append(spanId(index))
        .append('"')
        .append(entry ? "" : ",\"parentSpanId\":\"" + spanId(parent(index)) + "\"")
        .append(",\"name\":\"")
        .append(entry ? "POST /api/v1/orders" : "POST svc/op-" + index % 50)
        .append("\",\"kind\":")
        .append(entry ? 2 : 3)
        .append(",\"startTimeUnixNano\":\"")
        .append(start)
        .append("\",\"endTimeUnixNano\":\"")
        .append(start + (spanCount - index) * 1_000L)
        .append("\",\"attributes\":[")
        .append(attribute("http.request.method", "POST"))
        .append(',')
        .append(attribute("url.path", "/api/v1/orders/" + index))
        .append(',')
        .append(attribute("user.id", USER_ID))
        .append(',')
        .append("{\"key\":\"http.response.status_code\",\"value\":{\"intValue\":\"")
        .append(failing ? 502 : 200)
        .append("\"}}]");
    if (failing && index == spanCount - 1) {
      json.append(",\"events\":[{\"timeUnixNano\":\"")
          .append(start + 500)
          .append("\",\"name\":\"exception\",")
          .append("\"attributes\":[")
          .append(attribute("exception.type", "ConnectionRefusedError"))
          .append(',')
          .append(attribute("exception.message", "payment gateway timeout"))
          .append("]}]");
    }
    json.append(",\"status\":{\"code\":").append(failing ? 2 : 1).append("}}");
  }

  private static String spanId(int index) {
    return String.format("%016x", index + 1L);
  }

  private static String attribute(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }
}
