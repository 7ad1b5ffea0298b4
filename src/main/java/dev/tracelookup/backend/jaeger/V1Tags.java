package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.nextField;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Jaeger key-values, {@code [{"key":..,"type":..,"value":..}]}, as tags and log fields are
 * written. Every value becomes its text: booleans {@code true}/{@code false}, numbers as written
 * (int64 beyond JavaScript's range arrives as a string already), binary as its base64.
 */
final class V1Tags {
  private V1Tags() {}

  /** Reads the array the parser is on; later duplicates of a key win. */
  static Map<String, String> read(JsonParser parser, StringPool pool, String what)
      throws IOException {
    Map<String, String> tags = new LinkedHashMap<>();
    if (!isArray(parser, what)) {
      return tags;
    }
    while (nextElement(parser)) {
      if (isObject(parser, what)) {
        readOne(parser, pool, tags);
      }
    }
    return tags;
  }

  private static void readOne(JsonParser parser, StringPool pool, Map<String, String> tags)
      throws IOException {
    String key = null;
    String value = "";
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("key")) {
        key = pool.of(text(parser, "key"));
      } else if (field.equals("value") && parser.currentToken().isScalarValue()) {
        value = pool.of(text(parser, "value"));
      } else {
        skip(parser);
      }
    }
    if (key != null) {
      tags.put(key, value == null ? "" : value);
    }
  }
}
