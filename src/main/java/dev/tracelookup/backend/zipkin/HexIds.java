package dev.tracelookup.backend.zipkin;

import dev.tracelookup.trace.TraceIds;
import java.util.Optional;

/**
 * Zipkin's IDs: lower-hex, at most 32 characters for a trace and 16 for a span, normalised to the
 * model's padded form. Unlike {@link TraceIds} alone, base64 and non-ASCII digits are refused:
 * Zipkin never sends them, and what goes into a request path must be plain hex.
 */
final class HexIds {
  private HexIds() {}

  static Optional<String> traceId(String raw) {
    return isHex(raw, TraceIds.TRACE_ID_HEX_LENGTH) ? TraceIds.traceId(raw) : Optional.empty();
  }

  static Optional<String> spanId(String raw) {
    return isHex(raw, TraceIds.SPAN_ID_HEX_LENGTH) ? TraceIds.spanId(raw) : Optional.empty();
  }

  private static boolean isHex(String raw, int maxLength) {
    if (raw == null || raw.isEmpty() || raw.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
