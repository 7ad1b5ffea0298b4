package dev.tracelookup.backend.jaeger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.json.JsonMappers;
import java.util.Map;

/**
 * Writes the one-entry JSON objects Jaeger reads its attribute filters from ({@code tags}, {@code
 * query.attributes}): Jackson escapes quotes, backslashes and control characters, so a user ID can
 * only ever be a string value.
 */
final class JsonMaps {
  private static final ObjectMapper MAPPER = JsonMappers.PLAIN;

  private JsonMaps() {}

  /** Returns {@code {"<key>":"<value>"}} with both strings JSON-escaped. */
  static String write(String key, String value) {
    try {
      return MAPPER.writeValueAsString(Map.of(key, value));
    } catch (JsonProcessingException impossible) {
      throw new AssertionError("a map of two strings is always writable", impossible);
    }
  }
}
