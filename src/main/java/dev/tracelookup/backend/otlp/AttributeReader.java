package dev.tracelookup.backend.otlp;

import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;
import static dev.tracelookup.backend.otlp.JsonTokens.nextField;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * Reads OTLP {@code KeyValue} lists and turns each {@code AnyValue} into the string form that
 * {@link dev.tracelookup.trace.Attributes} keeps.
 *
 * <p>Scalars become their plain text ({@code "502"}, {@code "true"}, {@code "0.25"}; bytes stay
 * base64). Arrays and key-value lists become JSON text ({@code ["a",1]}, {@code {"k":"v"}}), so
 * nested values stay unambiguous. Recursion follows the document's nesting, which the parser caps.
 */
final class AttributeReader {
  private static final Pattern JSON_NUMBER =
      Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

  private final RepeatedText texts;

  AttributeReader(RepeatedText texts) {
    this.texts = texts;
  }

  /**
   * Reads a {@code [{"key":..,"value":{..}}]} list into an unmodifiable map, which {@link
   * dev.tracelookup.trace.Attributes} keeps without copying. Entries without a key are dropped; of
   * a repeated key, the last value wins.
   */
  Map<String, String> keyValues(JsonParser parser) throws IOException {
    if (!isArray(parser, "attributes")) {
      return Map.of();
    }
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    BiConsumer<String, String> add = (key, value) -> entries.add(Map.entry(key, value));
    while (nextElement(parser)) {
      readKeyValue(parser, add, false);
    }
    return unmodifiable(entries);
  }

  // A repeated key is rare enough that merging only after Map.ofEntries refuses it is the cheap
  // way.
  @SuppressWarnings("unchecked")
  private static Map<String, String> unmodifiable(List<Map.Entry<String, String>> entries) {
    try {
      return Map.ofEntries(entries.toArray(new Map.Entry[0]));
    } catch (IllegalArgumentException repeatedKey) {
      Map<String, String> merged = new HashMap<>();
      entries.forEach(entry -> merged.put(entry.getKey(), entry.getValue()));
      return Map.copyOf(merged);
    }
  }

  private void readKeyValue(JsonParser parser, BiConsumer<String, String> into, boolean asJson)
      throws IOException {
    if (!isObject(parser, "attributes")) {
      return;
    }
    String key = null;
    String value = asJson ? "null" : "";
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("key")) {
        key = texts.text(parser, "key");
      } else if (field.equals("value")) {
        value = anyValue(parser, asJson);
      } else {
        skip(parser);
      }
    }
    if (key != null) {
      into.accept(key, value);
    }
  }

  /** Reads an AnyValue: plain text at the top, JSON text when nested in an array or list. */
  private String anyValue(JsonParser parser, boolean asJson) throws IOException {
    String result = asJson ? "null" : "";
    if (!isObject(parser, "value")) {
      return result;
    }
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      switch (field) {
        case "stringvalue":
        case "bytesvalue":
          result = quotedIf(asJson, text(parser, field));
          break;
        case "intvalue":
        case "doublevalue":
        case "boolvalue":
          result = scalar(asJson, text(parser, field));
          break;
        case "arrayvalue":
          result = array(parser);
          break;
        case "kvlistvalue":
          result = kvList(parser);
          break;
        default:
          skip(parser);
      }
    }
    return result;
  }

  private String array(JsonParser parser) throws IOException {
    StringJoiner json = new StringJoiner(",", "[", "]");
    forEachValue(parser, "arrayValue", () -> json.add(anyValue(parser, true)));
    return json.toString();
  }

  private String kvList(JsonParser parser) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    forEachValue(parser, "kvlistValue", () -> readKeyValue(parser, entries::put, true));
    StringJoiner json = new StringJoiner(",", "{", "}");
    entries.forEach((key, value) -> json.add(quoted(key) + ":" + value));
    return json.toString();
  }

  /** Calls the element reader for each entry of {@code {"values":[..]}}. */
  private void forEachValue(JsonParser parser, String what, ElementReader element)
      throws IOException {
    if (!isObject(parser, what)) {
      return;
    }
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("values") && isArray(parser, what + ".values")) {
        while (nextElement(parser)) {
          element.read();
        }
      } else {
        skip(parser);
      }
    }
  }

  private static String scalar(boolean asJson, String text) {
    if (text == null) {
      return asJson ? "null" : "";
    }
    if (!asJson) {
      return text;
    }
    boolean bare =
        JSON_NUMBER.matcher(text).matches() || text.equals("true") || text.equals("false");
    return bare ? text : quoted(text);
  }

  private static String quotedIf(boolean asJson, String text) {
    if (text == null) {
      return asJson ? "null" : "";
    }
    return asJson ? quoted(text) : text;
  }

  private static String quoted(String text) {
    return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + '"';
  }

  /** Reads one array element; it may throw, which a plain Runnable could not. */
  private interface ElementReader {
    void read() throws IOException;
  }
}
