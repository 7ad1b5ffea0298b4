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
 * writes the exception message there, and OpenTelemetry's exporters write the status description,
 * an empty string when there is none. {@code otel.status_code} carries OK or ERROR.
 *
 * <p>Brave's HTTP parsers also write the status code itself as {@code error} for every answer of
 * 400 or more that came without an exception ({@code error=404}). That is not a failure status:
 * it is an HTTP status, and the HTTP rules of {@code FailureRules} judge it (a server's 404 is the
 * caller's mistake, a client's 404 may be a lookup the caller expected).
 */
final class ZipkinTags {
  static final String ERROR = "error";
  static final String STATUS_CODE = "otel.status_code";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String PEER_SERVICE = "peer.service";
  static final String HTTP_STATUS = "http.status_code";

  private ZipkinTags() {}

  /** Returns the span status the tags record. */
  static SpanStatus status(Map<String, String> tags) {
    String description = tags.getOrDefault(STATUS_DESCRIPTION, "");
    String error = tags.get(ERROR);
    if (error != null && httpStatusAsError(error) > 0 && !tags.containsKey(STATUS_CODE)) {
      return SpanStatus.UNSET;
    }
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
    int statusAsError = httpStatusAsError(tags.getOrDefault(ERROR, ""));
    if (statusAsError > 0 && !tags.containsKey(STATUS_CODE)) {
      attributes.putIfAbsent(HTTP_STATUS, Integer.toString(statusAsError));
    }
    attributes.remove(ERROR);
    attributes.remove(STATUS_CODE);
    attributes.remove(STATUS_DESCRIPTION);
    if (remoteService != null && !remoteService.isBlank()) {
      attributes.putIfAbsent(PEER_SERVICE, remoteService);
    }
    return new Attributes(attributes);
  }

  /** Returns the HTTP status Brave wrote as the error tag ({@code "404"}), or 0 for any other value. */
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
