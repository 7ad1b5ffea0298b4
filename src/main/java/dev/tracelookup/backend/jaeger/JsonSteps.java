package dev.tracelookup.backend.jaeger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;

/**
 * Small steps over a streaming parser that turn every surprise into a {@link
 * JaegerFormatException}.
 */
final class JsonSteps {
  /** Jaeger's UI JSON nests six levels deep; anything far deeper is not Jaeger's. */
  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private JsonSteps() {}

  /** Moves to the next field's value and returns its name, or null when the object ends. */
  static String nextField(JsonParser parser) throws IOException {
    if (next(parser) == JsonToken.END_OBJECT) {
      return null;
    }
    String name = parser.currentName();
    next(parser);
    return name;
  }

  /** Returns true on an object's start, false on null, fails otherwise. */
  static boolean isObject(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_OBJECT, what);
  }

  /** Returns true on an array's start, false on null, fails otherwise. */
  static boolean isArray(JsonParser parser, String what) throws IOException {
    return is(parser, JsonToken.START_ARRAY, what);
  }

  /** Moves to the array's next element; returns false at its end. */
  static boolean nextElement(JsonParser parser) throws IOException {
    return next(parser) != JsonToken.END_ARRAY;
  }

  /** Returns a scalar's text (string, number or boolean), or null for JSON null. */
  static String text(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw fail(parser, "expected a value for '" + what + "'");
    }
    return parser.getText();
  }

  /** Returns a whole number written as a number or as a decimal string; 0 for null. */
  static long number(JsonParser parser, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getLongValue();
    }
    String text = text(parser, what);
    try {
      return text == null ? 0 : Long.parseLong(text.trim());
    } catch (NumberFormatException notWhole) {
      throw fail(parser, "expected a whole number for '" + what + "'");
    }
  }

  /** Skips the current value and everything nested in it. */
  static void skip(JsonParser parser) throws IOException {
    parser.skipChildren();
  }

  static JaegerFormatException fail(JsonParser parser, String problem) {
    return new JaegerFormatException(parser.currentLocation(), problem);
  }

  private static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw fail(parser, "the JSON ends early");
    }
    return token;
  }

  private static boolean is(JsonParser parser, JsonToken start, String what) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == start) {
      return true;
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    String expected = start == JsonToken.START_OBJECT ? "an object" : "an array";
    throw fail(parser, "expected " + expected + " for '" + what + "'");
  }
}
