package dev.tracelookup.backend.otlp;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.backend.json.JsonSteps;
import java.io.IOException;
import java.util.Locale;

/**
 * What OTLP adds to the shared {@link JsonSteps}: field names are compared in a canonical form,
 * lower case without underscores, so the lowerCamelCase keys of the OTLP spec and the snake_case
 * keys of Grafana's fixtures both match; and failures of meaning become {@link
 * OtlpFormatException}.
 */
final class JsonTokens {
  // A document repeats a few dozen field names once per span: remember their canonical forms
  // instead of allocating two strings per field. Jackson hands out one instance per name, so a hit
  // costs an identity check. A fixed table of immutable pairs, searched a few slots on: racing
  // threads at worst recompute a name, and hostile input cannot grow it.
  private static final int SLOTS = 1024;
  private static final int PROBES = 8;
  private static final Canonical[] REMEMBERED = new Canonical[SLOTS];

  private JsonTokens() {}

  /**
   * Returns the canonical form of a field name: {@code trace_id} and {@code traceId} give {@code
   * traceid}.
   */
  static String canonical(String fieldName) {
    int hash = fieldName.hashCode();
    int first = hash ^ (hash >>> 16);
    for (int probe = 0; probe < PROBES; probe++) {
      int slot = (first + probe) & (SLOTS - 1);
      Canonical known = REMEMBERED[slot];
      if (known == null) {
        return remember(slot, fieldName);
      }
      if (known.name.equals(fieldName)) {
        return known.canonical;
      }
    }
    return canonicalOf(fieldName);
  }

  private static String remember(int slot, String fieldName) {
    String canonical = canonicalOf(fieldName);
    REMEMBERED[slot] = new Canonical(fieldName, canonical);
    return canonical;
  }

  private static String canonicalOf(String fieldName) {
    return fieldName.replace("_", "").toLowerCase(Locale.ROOT);
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

  private record Canonical(String name, String canonical) {}
}
