package dev.tracelookup.backend.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small steps over a Jackson parser that turn every surprise into an {@link OtlpFormatException}.
 *
 * <p>Field names are compared in a canonical form, lower case without underscores, so the
 * lowerCamelCase keys of the OTLP spec and the snake_case keys of Grafana's fixtures both match.
 */
final class JsonTokens {
  // A document repeats a few dozen field names once per span: remember their canonical forms
  // instead of allocating two strings per field. Bounded, so hostile input cannot grow it.
  private static final int MAX_REMEMBERED = 512;
  private static final Map<String, String> CANONICAL = new ConcurrentHashMap<>();

  private JsonTokens() {}

  /**
   * Returns the canonical form of a field name: {@code trace_id} and {@code traceId} give {@code
   * traceid}.
   */
  static String canonical(String fieldName) {
    String known = CANONICAL.get(fieldName);
    if (known != null) {
      return known;
    }
    String canonical = fieldName.replace("_", "").toLowerCase(Locale.ROOT);
    if (CANONICAL.size() < MAX_REMEMBERED) {
      CANONICAL.putIfAbsent(fieldName, canonical);
    }
    return canonical;
  }

  /**
   * Moves to the value of the next field of the current object and returns the field's canonical
   * name, or null when the object ends.
   */
  static String nextField(JsonParser parser) throws IOException {
    JsonToken token = next(parser);
    if (token == JsonToken.END_OBJECT) {
      return null;
    }
    String name = canonical(parser.currentName());
    next(parser);
    return name;
  }

  /** Moves to the next token, failing when the input ends. */
  static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw fail(parser, "the JSON ends early");
    }
    return token;
  }

  /** Returns true on an object's start, false on null (proto3 JSON's "absent"), fails otherwise. */
  static boolean isObject(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_OBJECT, what, "an object");
  }

  /** Returns true on an array's start, false on null, fails otherwise. */
  static boolean isArray(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_ARRAY, what, "an array");
  }

  /** Returns true when the array goes on (the parser is on its next element), false at its end. */
  static boolean nextElement(JsonParser parser) throws IOException {
    return next(parser) != JsonToken.END_ARRAY;
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

  /** Returns a 64-bit integer written as a number or as a decimal string; 0 for null. */
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

  /** Skips the current value, nested or not; Jackson skips iteratively, so depth is no risk. */
  static void skip(JsonParser parser) throws IOException {
    parser.skipChildren();
  }

  static OtlpFormatException fail(JsonParser parser, String problem) {
    return OtlpFormatException.at(parser.currentLocation(), problem);
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
