package dev.tracelookup.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one line of the collector's file exporter: a {@code TracesData} JSON object as pdata
 * marshals it (hex IDs, integer enums, 64-bit integers as strings, empty fields left out), with one
 * resource per service pod and one scope per instrumentation library.
 */
final class OtlpLineWriter {
  private final StringBuilder json = new StringBuilder();

  private OtlpLineWriter() {}

  /** Returns the line for these spans, grouped by resource and scope in the order they come. */
  static String line(List<DemoSpan> spans) {
    Map<String, Map<String, List<DemoSpan>>> byResource = new LinkedHashMap<>();
    spans.stream()
        .sorted(
            Comparator.comparing((DemoSpan span) -> span.service)
                .thenComparingInt(span -> span.pod))
        .forEach(
            span ->
                byResource
                    .computeIfAbsent(span.service.pod(span.pod), pod -> new LinkedHashMap<>())
                    .computeIfAbsent(span.service.scopeName(span.scope), scope -> new ArrayList<>())
                    .add(span));
    OtlpLineWriter writer = new OtlpLineWriter();
    writer.json.append("{\"resourceSpans\":[");
    String separator = "";
    for (Map<String, List<DemoSpan>> scopes : byResource.values()) {
      writer.json.append(separator);
      writer.resourceSpans(scopes);
      separator = ",";
    }
    return writer.json.append("]}").toString();
  }

  private void resourceSpans(Map<String, List<DemoSpan>> scopes) {
    DemoSpan first = scopes.values().iterator().next().get(0);
    json.append("{\"resource\":{\"attributes\":");
    attributes(resourceAttributes(first));
    json.append("},\"scopeSpans\":[");
    String separator = "";
    for (Map.Entry<String, List<DemoSpan>> scope : scopes.entrySet()) {
      json.append(separator)
          .append("{\"scope\":{\"name\":")
          .append(quoted(scope.getKey()))
          .append("},\"spans\":[");
      String spanSeparator = "";
      for (DemoSpan span : scope.getValue()) {
        json.append(spanSeparator);
        span(span);
        spanSeparator = ",";
      }
      json.append("]}");
      separator = ",";
    }
    json.append("]}");
  }

  private static Map<String, Object> resourceAttributes(DemoSpan span) {
    DemoService service = span.service;
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("service.name", service.serviceName);
    attributes.put("service.namespace", "shop");
    attributes.put("service.version", service.version);
    attributes.put(
        service.currentConventions ? "deployment.environment.name" : "deployment.environment",
        "demo");
    attributes.put("k8s.pod.name", service.pod(span.pod));
    attributes.put("telemetry.sdk.language", service.language.sdkName);
    attributes.put("telemetry.sdk.name", "opentelemetry");
    return attributes;
  }

  private void span(DemoSpan span) {
    json.append("{\"traceId\":\"")
        .append(span.traceId)
        .append("\",\"spanId\":\"")
        .append(span.spanId)
        .append('"');
    if (!span.parentSpanId.isEmpty()) {
      json.append(",\"parentSpanId\":\"").append(span.parentSpanId).append('"');
    }
    json.append(",\"name\":")
        .append(quoted(span.name))
        .append(",\"kind\":")
        .append(span.kind.ordinal());
    json.append(",\"startTimeUnixNano\":\"").append(span.startNanos);
    json.append("\",\"endTimeUnixNano\":\"").append(span.endNanos).append('"');
    if (!span.attributes.isEmpty()) {
      json.append(",\"attributes\":");
      attributes(span.attributes);
    }
    if (!span.events.isEmpty()) {
      json.append(",\"events\":[");
      String separator = "";
      for (DemoSpan.Event event : span.events) {
        json.append(separator).append("{\"timeUnixNano\":\"").append(event.timeNanos());
        json.append("\",\"name\":").append(quoted(event.name())).append(",\"attributes\":");
        attributes(event.attributes());
        json.append('}');
        separator = ",";
      }
      json.append(']');
    }
    json.append(",\"status\":{");
    if (span.statusCode != 0) {
      json.append(
          span.statusMessage.isEmpty() ? "" : "\"message\":" + quoted(span.statusMessage) + ",");
      json.append("\"code\":").append(span.statusCode);
    }
    json.append("}}");
  }

  private void attributes(Map<String, Object> attributes) {
    json.append('[');
    String separator = "";
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      json.append(separator)
          .append("{\"key\":")
          .append(quoted(attribute.getKey()))
          .append(",\"value\":{");
      Object value = attribute.getValue();
      if (value instanceof Long) {
        json.append("\"intValue\":\"").append(value).append('"');
      } else if (value instanceof Boolean) {
        json.append("\"boolValue\":").append(value);
      } else {
        json.append("\"stringValue\":").append(quoted(value.toString()));
      }
      json.append("}}");
      separator = ",";
    }
    json.append(']');
  }

  private static String quoted(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"':
          quoted.append("\\\"");
          break;
        case '\\':
          quoted.append("\\\\");
          break;
        case '\n':
          quoted.append("\\n");
          break;
        case '\t':
          quoted.append("\\t");
          break;
        default:
          quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return quoted.append('"').toString();
  }
}
