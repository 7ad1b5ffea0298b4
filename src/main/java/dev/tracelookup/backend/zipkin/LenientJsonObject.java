package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the flat JSON object of an event's attributes out of an annotation. Valid JSON is read as
 * JSON. OpenTelemetry's Java exporter writes strings without escaping them, so a message with a
 * quote or a multi-line stack trace breaks the JSON; such text is cut at its keys instead ({@code
 * ,"exception.message":}), which keeps quotes and line breaks inside values as they were.
 */
final class LenientJsonObject {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
          .build();

  private LenientJsonObject() {}

  /** Returns the object's entries, values as text; empty when nothing like an entry is there. */
  static Map<String, String> read(String text) {
    try {
      return strict(text);
    } catch (IOException notJson) {
      return byKeys(text);
    }
  }

  private static Map<String, String> strict(String text) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not an object");
      }
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String key = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value != JsonToken.VALUE_NULL) {
          entries.put(key, value.isScalarValue() ? parser.getText() : nested(parser));
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw new IOException("not one whole object");
      }
    }
    return entries;
  }

  /** Returns an array or object value as compact JSON text. */
  private static String nested(JsonParser parser) throws IOException {
    StringWriter json = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(json)) {
      generator.copyCurrentStructure(parser);
    }
    return json.toString();
  }

  /**
   * Cuts the text at each {@code "key":} that starts an entry (at the start or after a comma) and
   * keeps the non-empty values.
   */
  private static Map<String, String> byKeys(String text) {
    int open = text.indexOf('{');
    int close = text.lastIndexOf('}');
    String body = text.substring(open + 1, close > open ? close : text.length());
    List<KeyAt> keys = keys(body);
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      KeyAt key = keys.get(i);
      int end = i + 1 < keys.size() ? keys.get(i + 1).entryStart() : body.length();
      String value = unquoted(body.substring(key.valueStart(), end).strip());
      // An empty value here is a cut-off entry more often than an empty string.
      if (!value.isEmpty()) {
        entries.put(key.name(), value);
      }
    }
    return entries;
  }

  /**
   * Where one entry starts (its comma, or its key's quote), its key, and where its value starts.
   */
  private record KeyAt(int entryStart, String name, int valueStart) {}

  private static List<KeyAt> keys(String body) {
    List<KeyAt> keys = new ArrayList<>();
    int quote = body.indexOf('"');
    while (quote >= 0) {
      int entryStart = entryStart(body, quote);
      int closing = body.indexOf('"', quote + 1);
      if (entryStart < 0 || closing < 0 || !isKey(body.substring(quote + 1, closing))) {
        quote = closing < 0 ? -1 : body.indexOf('"', quote + 1);
        continue;
      }
      int colon = skipSpaces(body, closing + 1);
      if (colon < body.length() && body.charAt(colon) == ':') {
        keys.add(new KeyAt(entryStart, body.substring(quote + 1, closing), colon + 1));
      }
      quote = body.indexOf('"', closing + 1);
    }
    return keys;
  }

  /**
   * Returns where the entry whose key opens at {@code quote} starts, or -1 when none does there.
   */
  private static int entryStart(String body, int quote) {
    int before = quote - 1;
    while (before >= 0 && Character.isWhitespace(body.charAt(before))) {
      before--;
    }
    if (before < 0) {
      return quote;
    }
    return body.charAt(before) == ',' ? before : -1;
  }

  private static boolean isKey(String name) {
    return !name.isEmpty()
        && name.length() <= 256
        && name.chars()
            .allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
  }

  private static int skipSpaces(String text, int from) {
    int at = from;
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at;
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
