package dev.tracelookup.backend.otlpfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.backend.json.JsonSteps;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Trace IDs as two longs, the way the index keeps them: 16 bytes in two arrays instead of a
 * 32-character string per trace. Reading them accepts every form {@link TraceIds} does; the file
 * exporter's lower-case hex is read in place, without a string.
 */
final class TraceIdBits {
  private static final HexFormat HEX = HexFormat.of();

  private TraceIdBits() {}

  /** Returns the scalar's trace ID as {high, low}, or null when it is no valid trace ID. */
  static long[] parse(JsonParser parser, RawStrings raw) throws IOException {
    int start = raw.start(parser, 32);
    if (start >= 0) {
      long[] id = lowerHex(raw.bytes(), start);
      if (id != null) {
        return id[0] == 0 && id[1] == 0 ? null : id;
      }
    }
    if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getTextLength() == 32) {
      long[] id = lowerHex(parser.getTextCharacters(), parser.getTextOffset());
      if (id != null) {
        return id[0] == 0 && id[1] == 0 ? null : id;
      }
    }
    return parse(TraceIds.traceId(JsonSteps.text(parser, "traceId")));
  }

  /** Returns the normalised trace ID as {high, low}, or null for none. */
  static long[] parse(Optional<String> normalised) {
    return normalised.map(id -> lowerHex(id.toCharArray(), 0)).orElse(null);
  }

  /** Returns whether the scalar is a span ID that {@link TraceIds#spanId} accepts. */
  static boolean isValidSpanId(JsonParser parser, RawStrings raw) throws IOException {
    int start = raw.start(parser, 16);
    if (start >= 0) {
      byte[] bytes = raw.bytes();
      long bits = 0;
      boolean hex = true;
      for (int i = start; i < start + 16 && hex; i++) {
        int digit = digit((char) bytes[i]);
        hex = digit >= 0;
        bits |= digit;
      }
      if (hex) {
        return bits != 0;
      }
    }
    if (parser.currentToken() == JsonToken.VALUE_STRING && parser.getTextLength() == 16) {
      char[] chars = parser.getTextCharacters();
      int offset = parser.getTextOffset();
      boolean nonZero = false;
      boolean hex = true;
      for (int i = offset; i < offset + 16 && hex; i++) {
        int digit = digit(chars[i]);
        hex = digit >= 0;
        nonZero |= digit > 0;
      }
      if (hex) {
        return nonZero;
      }
    }
    return TraceIds.spanId(JsonSteps.text(parser, "spanId")).isPresent();
  }

  /** Returns the 32 lower-case hex digits as text, as the model writes trace IDs. */
  static String text(long high, long low) {
    return HEX.toHexDigits(high) + HEX.toHexDigits(low);
  }

  private static long[] lowerHex(byte[] bytes, int offset) {
    long high = 0;
    long low = 0;
    for (int i = 0; i < 32; i++) {
      int digit = digit((char) bytes[offset + i]);
      if (digit < 0) {
        return null;
      }
      if (i < 16) {
        high = (high << 4) | digit;
      } else {
        low = (low << 4) | digit;
      }
    }
    return new long[] {high, low};
  }

  private static long[] lowerHex(char[] chars, int offset) {
    long high = 0;
    long low = 0;
    for (int i = 0; i < 32; i++) {
      int digit = digit(chars[offset + i]);
      if (digit < 0) {
        return null;
      }
      if (i < 16) {
        high = (high << 4) | digit;
      } else {
        low = (low << 4) | digit;
      }
    }
    return new long[] {high, low};
  }

  /** Returns the value of a lower-case hex digit, or -1: upper case goes the slow way. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  }
}
