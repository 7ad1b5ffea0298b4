package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.Trace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes spans as OpenTelemetry's Zipkin exporter sends them (the deprecated spec
 * trace/sdk_exporters/zipkin.md and opentelemetry-java's OtelToZipkinSpanTransformer): kind, with
 * INTERNAL omitted; {@code service.name} as the local endpoint; the remote endpoint from the peer
 * attributes in the spec's rank order; attributes as string tags; status as {@code
 * otel.status_code} plus {@code error} (the description, or empty); events as annotations {@code
 * "name":{attributes as JSON}} with the strings left unescaped, as the Java exporter does; times in
 * whole microseconds.
 */
final class OtelToZipkin {
  private static final List<String> REMOTE_KEYS =
      List.of(
          "peer.service",
          "server.address",
          "net.peer.name",
          "network.peer.address",
          "server.socket.domain",
          "server.socket.address",
          "net.sock.peer.name",
          "net.sock.peer.addr",
          "peer.hostname",
          "peer.address",
          "db.name");

  private OtelToZipkin() {}

  static List<ObjectNode> spans(List<Trace> traces) {
    return traces.stream()
        .flatMap(trace -> trace.spans().stream())
        .map(OtelToZipkin::span)
        .collect(Collectors.toList());
  }

  static ObjectNode span(Span span) {
    ObjectNode zipkin =
        FakeZipkin.JSON.createObjectNode().put("traceId", span.traceId()).put("id", span.spanId());
    if (!span.isRoot()) {
      zipkin.put("parentId", span.parentSpanId());
    }
    kind(span.kind()).ifPresent(kind -> zipkin.put("kind", kind));
    zipkin
        .put("name", span.name())
        .put("timestamp", span.startEpochNanos() / 1000)
        .put("duration", span.durationNanos() / 1000);
    zipkin.putObject("localEndpoint").put("serviceName", span.service());
    remoteService(span)
        .ifPresent(remote -> zipkin.putObject("remoteEndpoint").put("serviceName", remote));
    tags(span, zipkin.putObject("tags"));
    if (!span.events().isEmpty()) {
      ArrayNode annotations = zipkin.putArray("annotations");
      span.events()
          .forEach(
              event ->
                  annotations
                      .addObject()
                      .put("timestamp", event.epochNanos() / 1000)
                      .put("value", annotation(event)));
    }
    return zipkin;
  }

  /**
   * Returns {@code "name":{"key":"value",…}} with nothing escaped, as EventDataToAnnotation writes
   * it.
   */
  static String annotation(SpanEvent event) {
    return "\""
        + event.name()
        + "\":"
        + new TreeMap<>(event.attributes().values())
            .entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":\"" + entry.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
  }

  private static void tags(Span span, ObjectNode tags) {
    span.attributes().values().forEach(tags::put);
    if (span.status().code() != StatusCode.UNSET) {
      tags.put("otel.status_code", span.status().code().name());
    }
    if (span.status().isError()) {
      tags.put("error", span.status().message());
    }
  }

  private static Optional<String> remoteService(Span span) {
    if (span.kind() != SpanKind.CLIENT && span.kind() != SpanKind.PRODUCER) {
      return Optional.empty();
    }
    Map<String, String> attributes = span.attributes().values();
    return REMOTE_KEYS.stream().filter(attributes::containsKey).map(attributes::get).findFirst();
  }

  private static Optional<String> kind(SpanKind kind) {
    switch (kind) {
      case SERVER:
      case CLIENT:
      case PRODUCER:
      case CONSUMER:
        return Optional.of(kind.name());
      default:
        return Optional.empty();
    }
  }
}
