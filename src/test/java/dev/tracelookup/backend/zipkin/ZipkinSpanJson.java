package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Builds Zipkin v2 span JSON for tests, field by field, in the API's own names and units. */
final class ZipkinSpanJson {
  private final ObjectNode span = FakeZipkin.JSON.createObjectNode();

  private ZipkinSpanJson(String traceId, String id) {
    span.put("traceId", traceId).put("id", id);
  }

  static ZipkinSpanJson span(String traceId, String id) {
    return new ZipkinSpanJson(traceId, id);
  }

  ZipkinSpanJson parent(String parentId) {
    span.put("parentId", parentId);
    return this;
  }

  ZipkinSpanJson kind(String kind) {
    span.put("kind", kind);
    return this;
  }

  ZipkinSpanJson name(String name) {
    span.put("name", name);
    return this;
  }

  ZipkinSpanJson service(String serviceName) {
    span.putObject("localEndpoint").put("serviceName", serviceName);
    return this;
  }

  /** Sets the start in microseconds since the epoch, Zipkin's unit. */
  ZipkinSpanJson at(Instant start) {
    span.put("timestamp", ChronoUnit.MICROS.between(Instant.EPOCH, start));
    return this;
  }

  ZipkinSpanJson duration(Duration duration) {
    span.put("duration", duration.toNanos() / 1000);
    return this;
  }

  ZipkinSpanJson tag(String key, String value) {
    if (!span.has("tags")) {
      span.putObject("tags");
    }
    ((ObjectNode) span.get("tags")).put(key, value);
    return this;
  }

  ObjectNode build() {
    return span.deepCopy();
  }
}
