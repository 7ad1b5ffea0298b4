package dev.tracelookup.backend.zipkin;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps Zipkin tags back to what OpenTelemetry recorded: the span status, which exporters write as
 * tags, and the attributes.
 *
 * <p>Zipkin counts a span as failed when it has an {@code error} tag, whatever its value: Brave
 * writes the exception message there, and OpenTelemetry's exporters write the status description,
 * an empty string when there is none. {@code otel.status_code} carries OK or ERROR.
 *
 * <p>Brave's HTTP parsers also write the status code itself as {@code error} for every answer of
 * 400 or more that came without an exception ({@code error=404}). That is not a failure status: it
 * is an HTTP status, and the HTTP rules of {@code FailureRules} judge it (a server's 404 is the
 * caller's mistake, a client's 404 may be a lookup the caller expected).
 */
final class ZipkinTags {
  static final String ERROR = "error";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String PEER_SERVICE = "peer.service";
  static final String HTTP_STATUS = "http.status_code";

  /** The Collector's exporter writes span links as {@code otlp.link.0}, {@code otlp.link.1}, …. */
  static final String LINK_PREFIX = "otlp.link.";

  private static final int MAX_LINKS = 128;

  private ZipkinTags() {}

  /** Returns the span status the tags record. */
  static SpanStatus status(Map<String, String> tags) {
    String description = tags.getOrDefault(STATUS_DESCRIPTION, "");
    String error = tags.get(ERROR);
    if (error != null && httpStatusAsError(error) > 0 && !tags.containsKey(STATUS_CODE)) {
      return SpanStatus.UNSET;
    }
    if (error != null) {
      // The Collector's exporter writes error=true and keeps the description apart.
      boolean flagOnly = error.isBlank() || error.trim().equalsIgnoreCase("true");
      return SpanStatus.error(flagOnly ? description : error);
    }
    StatusCode code = StatusCode.fromName(tags.get(STATUS_CODE));
    return code == StatusCode.UNSET ? SpanStatus.UNSET : new SpanStatus(code, description);
  }

  /**
   * Returns the span attributes: the tags without those that encode the status, plus {@code
   * peer.service} from the remote endpoint when no tag names the peer (as the OpenTelemetry spec
   * maps Zipkin to OTLP).
   */
  static Attributes attributes(Map<String, String> tags, String remoteService) {
    Map<String, String> attributes = new LinkedHashMap<>(tags);
    int statusAsError = httpStatusAsError(tags.getOrDefault(ERROR, ""));
    if (statusAsError > 0 && !tags.containsKey(STATUS_CODE)) {
      attributes.putIfAbsent(HTTP_STATUS, Integer.toString(statusAsError));
    }
    attributes.remove(ERROR);
    attributes.remove(STATUS_CODE);
    attributes.remove(STATUS_DESCRIPTION);
    attributes.keySet().removeIf(key -> key.startsWith(LINK_PREFIX));
    if (remoteService != null && !remoteService.isBlank()) {
      attributes.putIfAbsent(PEER_SERVICE, remoteService);
    }
    return new Attributes(attributes);
  }

  /**
   * Returns the span links the Collector's Zipkin exporter packed into tags, each {@code
   * traceId|spanId|traceState|{attributes as JSON}|droppedCount}, as its Zipkin receiver reads them
   * back; a value that does not read as one is skipped.
   */
  static List<SpanLink> links(Map<String, String> tags) {
    if (!tags.containsKey(LINK_PREFIX + 0)) {
      return List.of();
    }
    List<SpanLink> links = new ArrayList<>();
    for (int i = 0; i < MAX_LINKS; i++) {
      String value = tags.get(LINK_PREFIX + i);
      if (value == null) {
        break;
      }
      link(value).ifPresent(links::add);
    }
    return links;
  }

  private static Optional<SpanLink> link(String value) {
    String[] parts = value.split("\\|", 4);
    if (parts.length < 4) {
      return Optional.empty();
    }
    Optional<String> traceId = HexIds.traceId(parts[0]);
    Optional<String> spanId = HexIds.spanId(parts[1]);
    if (traceId.isEmpty() || spanId.isEmpty()) {
      return Optional.empty();
    }
    String rest = parts[3];
    int dropped = rest.lastIndexOf('|');
    String json = dropped < 0 ? rest : rest.substring(0, dropped);
    return Optional.of(
        new SpanLink(traceId.get(), spanId.get(), new Attributes(LenientJsonObject.read(json))));
  }

  /**
   * Returns the HTTP status Brave wrote as the error tag ({@code "404"}), or 0 for any other value.
   */
  private static int httpStatusAsError(String error) {
    String text = error.trim();
    if (text.length() != 3) {
      return 0;
    }
    for (int i = 0; i < 3; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return 0;
      }
    }
    int status = Integer.parseInt(text);
    return status >= 400 && status <= 599 ? status : 0;
  }
}
