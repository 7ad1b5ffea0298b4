package dev.tracelookup.backend.zipkin;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps Zipkin tags back to what OpenTelemetry recorded: the span status, which exporters write as
 * tags, and the attributes.
 *
 * <p>Zipkin counts a span as failed when it has an {@code error} tag, whatever its value: Brave
 * writes the message there, and OpenTelemetry's exporters write the status description, an empty
 * string when there is none. {@code otel.status_code} carries OK or ERROR.
 */
final class ZipkinTags {
  static final String ERROR = "error";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String PEER_SERVICE = "peer.service";

  private ZipkinTags() {}

  /** Returns the span status the tags record. */
  static SpanStatus status(Map<String, String> tags) {
    String description = tags.getOrDefault(STATUS_DESCRIPTION, "");
    String error = tags.get(ERROR);
    if (error != null) {
      return SpanStatus.error(error.isBlank() ? description : error);
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
    attributes.remove(ERROR);
    attributes.remove(STATUS_CODE);
    attributes.remove(STATUS_DESCRIPTION);
    if (remoteService != null && !remoteService.isBlank()) {
      attributes.putIfAbsent(PEER_SERVICE, remoteService);
    }
    return new Attributes(attributes);
  }
}
