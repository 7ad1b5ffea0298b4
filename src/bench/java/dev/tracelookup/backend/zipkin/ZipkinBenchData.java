package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the overhead benchmark seeds Zipkin with on top of the demo day: {@link #TRACES} requests of
 * one customer in one half hour, {@link #SPANS} spans each across seven services, each failing at
 * its last leaf.
 */
final class ZipkinBenchData {
  static final String USER = "usr_bench01";
  static final Instant FROM = Instant.parse("2026-02-06T15:00:00Z");
  static final Instant TO = FROM.plus(Duration.ofMinutes(30));
  static final int TRACES = 10;
  static final int SPANS = 50;
  private static final int FAN_OUT = 4;

  private ZipkinBenchData() {}

  static List<ObjectNode> spans() {
    List<ObjectNode> spans = new ArrayList<>(TRACES * SPANS);
    for (int trace = 0; trace < TRACES; trace++) {
      String traceId = String.format("b%031x", trace + 1);
      Instant start = FROM.plus(Duration.ofMinutes(2L * trace + 1));
      for (int index = 0; index < SPANS; index++) {
        spans.add(span(traceId, index, start));
      }
    }
    return spans;
  }

  private static ObjectNode span(String traceId, int index, Instant traceStart) {
    boolean failing = index == SPANS - 1;
    ZipkinSpanJson span =
        ZipkinSpanJson.span(traceId, spanId(index))
            .kind(index == 0 ? "SERVER" : "CLIENT")
            .name(index == 0 ? "post /api/v1/orders" : "post op-" + index % 12)
            .service("svc-" + index % 7)
            .at(traceStart.plusMillis(index))
            .duration(Duration.ofMillis(SPANS - index + 1L))
            .tag("http.response.status_code", failing ? "502" : "200")
            .tag("url.path", "/api/v1/orders/" + index);
    if (index == 0) {
      span.tag("user.id", USER);
    } else {
      span.parent(spanId((index - 1) / FAN_OUT));
    }
    if (failing) {
      span.tag("otel.status_code", "ERROR").tag("error", "payment gateway timeout");
    }
    return span.build();
  }

  private static String spanId(int index) {
    return String.format("%016x", index + 1L);
  }
}
