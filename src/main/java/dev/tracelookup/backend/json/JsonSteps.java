package dev.tracelookup.backend.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Steps over a Jackson parser that turn every surprise into a {@link JsonShapeException}. */
public final class JsonSteps {
  private JsonSteps() {}

  /** Moves to the next token, failing when the input ends. */
  public static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw fail(parser, "the JSON ends early");
    }
    return token;
  }

  /**
   * Moves to the value of the next field of the current object and returns the field's name, or
   * null when the object ends.
   */
  public static String nextField(JsonParser parser) throws IOException {
    if (next(parser) == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    next(parser);
    return name;
  }

  /** Returns true when the array goes on (the parser is on its next element), false at its end. */
  public static boolean nextElement(JsonParser parser) throws IOException {
    return next(parser) != JsonToken.END_ARRAY;
  }

  /** Returns true on the start of an object, false on null; fails on anything else. */
  public static boolean isObject(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_OBJECT, what, "an object");
  }

  /** Returns true on the start of an array, false on null; fails on anything else. */
  public static boolean isArray(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_ARRAY, what, "an array");
  }

  /** Returns a scalar's text (strings, numbers and booleans alike), or null for JSON null. */
  public static String text(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw fail(parser, "expected a value for '" + what + "' but found " + describe(token));
    }
    return parser.getText();
  }

  /** Returns a 64-bit integer written as a number or as a decimal string; 0 for null. */
  public static long int64(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token == JsonToken.VALUE_STRING) {
      long plain = plainDigits(parser);
      if (plain >= 0) {
        return plain;
      }
      try {
        return Long.parseLong(parser.getText().trim());
      } catch (NumberFormatException notAnInteger) {
        throw fail(parser, "expected a whole number for '" + what + "'");
      }
    }
    throw fail(parser, "expected a whole number for '" + what + "' but found " + describe(token));
  }

  /**
   * Returns the value of a string of ASCII digits that fits a long, read in place so that
   * timestamps (two per span) make no garbage; -1 for any other string.
   */
  private static long plainDigits(JsonParser parser) throws IOException {
    char[] chars = parser.getTextCharacters();
    int length = parser.getTextLength();
    // 19 digits stay below 2^64: one that passes Long.MAX_VALUE wraps to a negative value.
    if (length == 0 || length > 19) {
      return -1;
    }
    long value = 0;
    for (int i = parser.getTextOffset(), end = i + length; i < end; i++) {
      char c = chars[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value < 0 ? -1 : value;
  }

  /** Skips the current value, nested or not; Jackson skips iteratively, so depth is no risk. */
  public static void skip(JsonParser parser) throws IOException {
    parser.skipChildren();
  }

  /** Returns the exception for a problem at the parser's current location. */
  public static JsonShapeException fail(JsonParser parser, String problem) {
    return new JsonShapeException(problem, parser.currentLocation());
  }

  private static boolean is(JsonParser parser, JsonToken start, String what, String expected)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == start) {
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    throw fail(parser, "expected " + expected + " for '" + what + "' but found " + describe(token));
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return token.isNumeric() ? "a number" : token.asString();
    }
  }
}
