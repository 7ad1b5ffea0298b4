package dev.tracelookup.backend.otlp;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.backend.json.JsonSteps;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What OTLP adds to the shared {@link JsonSteps}: field names are compared in a canonical form,
 * lower case without underscores, so the lowerCamelCase keys of the OTLP spec and the snake_case
 * keys of Grafana's fixtures both match; and failures of meaning become {@link OtlpFormatException}.
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
    String name = JsonSteps.nextField(parser);
    return name == null ? null : canonical(name);
  }

  static OtlpFormatException fail(JsonParser parser, String problem) {
    return OtlpFormatException.at(parser.currentLocation(), problem);
  }
}
