package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Small steps over a Jackson parser that turn every surprise into a {@link ZipkinFormatException}. */
final class JsonSteps {
  private JsonSteps() {}

  /** Moves to the next token, failing when the input ends. */
  static JsonToken next(JsonParser parser) throws IOException {
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
  static String nextField(JsonParser parser) throws IOException {
    if (next(parser) == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    next(parser);
    return name;
  }

  /** Returns true when the array goes on (the parser is on its next element), false at its end. */
  static boolean nextElement(JsonParser parser) throws IOException {
    return next(parser) != JsonToken.END_ARRAY;
  }

  /** Returns true on the start of an object, false on null; fails on anything else. */
  static boolean isObject(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_OBJECT, what, "an object");
  }

  /** Returns true on the start of an array, false on null; fails on anything else. */
  static boolean isArray(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_ARRAY, what, "an array");
  }

  /** Returns a scalar's text (strings, numbers and booleans alike), or null for JSON null. */
  static String text(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw fail(parser, "expected a value for '" + what + "' but found " + describe(token));
    }
    return parser.getText();
  }

  /** Returns a whole number written as a number or as a decimal string; 0 for null. */
  static long int64(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(parser.getText().trim());
      } catch (NumberFormatException notAnInteger) {
        throw fail(parser, "expected a whole number for '" + what + "'");
      }
    }
    throw fail(parser, "expected a whole number for '" + what + "' but found " + describe(token));
  }

  static ZipkinFormatException fail(JsonParser parser, String problem) {
    return new ZipkinFormatException(problem, parser.currentLocation());
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
    if (token == JsonToken.START_OBJECT) {
      return "an object";
    }
    if (token == JsonToken.START_ARRAY) {
      return "an array";
    }
    if (token == JsonToken.VALUE_STRING) {
      return "a string";
    }
    return token.isBoolean() ? "a boolean" : token.isNumeric() ? "a number" : token.asString();
  }
}
