package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.json.JsonSteps.isSmallNumber;
import static dev.tracelookup.backend.json.JsonSteps.isWholeNumber;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import java.io.IOException;

/**
 * Scalar values as OTLP JSON dialects write them: 64-bit integers as numbers or decimal strings,
 * enums as numbers, numbers in strings, or names. Problems are {@link MalformedLine}s whose message
 * names the field, never its value.
 */
final class Scalars {
  private Scalars() {}

  /** Returns a scalar's text (strings, numbers and booleans alike), or null for JSON null. */
  static String text(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw new MalformedLine("expected a value for '" + what + "'");
    }
    return parser.getText();
  }

  /** Returns a 64-bit integer written as a number or as a decimal string; 0 for null. */
  static long int64(JsonParser parser, RawStrings raw, String what) throws IOException {
    int start = raw.contentStart(parser);
    int length = raw.plainLength(start);
    if (length > 0 && length <= 19) {
      long value = 0;
      byte[] bytes = raw.bytes();
      for (int i = start; i < start + length && value >= 0; i++) {
        int digit = bytes[i] - '0';
        value = digit < 0 || digit > 9 ? -1 : value * 10 + digit;
      }
      if (value >= 0) {
        return value;
      }
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token == JsonToken.VALUE_STRING) {
      long plain =
          plainDigits(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      if (plain >= 0) {
        return plain;
      }
      try {
        return Long.parseLong(parser.getText().trim());
      } catch (NumberFormatException notAnInteger) {
        throw new MalformedLine("expected a whole number for '" + what + "'");
      }
    }
    throw new MalformedLine("expected a whole number for '" + what + "'");
  }

  static SpanKind kind(JsonParser parser) throws IOException {
    if (isWholeNumber(parser)) {
      return SpanKind.fromOtlpNumber(parser.getLongValue());
    }
    String text = text(parser, "kind");
    return isSmallNumber(text)
        ? SpanKind.fromOtlpNumber(Integer.parseInt(text))
        : SpanKind.fromName(text);
  }

  static StatusCode statusCode(JsonParser parser) throws IOException {
    if (isWholeNumber(parser)) {
      return StatusCode.fromOtlpNumber(parser.getLongValue());
    }
    String text = text(parser, "status.code");
    return isSmallNumber(text)
        ? StatusCode.fromOtlpNumber(Integer.parseInt(text))
        : StatusCode.fromName(text);
  }

  /**
   * Returns the value of up to 19 ASCII digits that fit a long, read in place: timestamps, two per
   * span, have 19; -1 for anything else.
   */
  private static long plainDigits(char[] chars, int offset, int length) {
    // 19 digits stay below 2^64: one that passes Long.MAX_VALUE wraps to a negative value.
    if (length == 0 || length > 19) {
      return -1;
    }
    long value = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      char c = chars[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value < 0 ? -1 : value;
  }
}
