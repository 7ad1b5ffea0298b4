package dev.tracelookup.trace;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Normalises trace and span IDs to the one form the model uses: lower-case hex, left-padded to 32
 * (trace) or 16 (span) characters.
 *
 * <p>Backends disagree: Tempo's search strips leading zeros, its trace JSON uses base64, Zipkin and
 * Jaeger v1 may send 64-bit trace IDs, and people paste upper-case IDs.
 */
public final class TraceIds {
  public static final int TRACE_ID_HEX_LENGTH = 32;
  public static final int SPAN_ID_HEX_LENGTH = 16;

  private TraceIds() {}

  /** Returns the normalised trace ID, or empty when the text is not a hex or base64 ID. */
  public static Optional<String> traceId(String raw) {
    return normalise(raw, TRACE_ID_HEX_LENGTH);
  }

  /** Returns the normalised span ID, or empty when the text is not a hex or base64 ID. */
  public static Optional<String> spanId(String raw) {
    return normalise(raw, SPAN_ID_HEX_LENGTH);
  }

  /** Returns whether the text is already a normalised trace ID. */
  public static boolean isNormalisedTraceId(String id) {
    return id != null && id.length() == TRACE_ID_HEX_LENGTH && isLowerHex(id);
  }

  private static Optional<String> normalise(String raw, int hexLength) {
    if (raw == null) {
      return Optional.empty();
    }
    // Most backends already send normalised IDs: accept those without copying or re-checking.
    if (raw.length() == hexLength && isLowerHex(raw)) {
      return allZero(raw) ? Optional.empty() : Optional.of(raw);
    }
    String text = raw.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    if (text.length() <= hexLength && isHex(text)) {
      return allZero(text)
          ? Optional.empty()
          : Optional.of(leftPad(text.toLowerCase(Locale.ROOT), hexLength));
    }
    return fromBase64(text, hexLength);
  }

  private static Optional<String> fromBase64(String text, int hexLength) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    if (bytes.length == 0 || bytes.length * 2 > hexLength) {
      return Optional.empty();
    }
    String result = leftPad(HexFormat.of().formatHex(bytes), hexLength);
    return allZero(result) ? Optional.empty() : Optional.of(result);
  }

  private static String leftPad(String hex, int length) {
    return hex.length() >= length ? hex : "0".repeat(length - hex.length()) + hex;
  }

  private static boolean isHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLowerHex(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean allZero(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
