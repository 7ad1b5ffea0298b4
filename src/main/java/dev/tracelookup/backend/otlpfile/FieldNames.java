package dev.tracelookup.backend.otlpfile;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The OTLP JSON fields the index reads, whatever their spelling: the spec's lowerCamelCase, and the
 * snake_case some encoders write, compared lower case without underscores as the span reader does.
 * One instance per reader: Jackson hands out one string per field name, so a name is worked out
 * once and then found by a lookup whose hash the string already holds.
 */
final class FieldNames {
  enum Field {
    RESOURCE_SPANS,
    /** Tempo's {@code trace} and Jaeger's {@code result}, which wrap a TracesData. */
    WRAPPED,
    RESOURCE,
    SCOPE_SPANS,
    SPANS,
    ATTRIBUTES,
    KEY,
    VALUE,
    SCALAR_VALUE,
    TRACE_ID,
    SPAN_ID,
    NAME,
    KIND,
    START,
    END,
    STATUS,
    CODE,
    LINKS,
    OTHER
  }

  private static final Map<String, Field> CANONICAL = new HashMap<>();

  static {
    put(Field.RESOURCE_SPANS, "resourcespans", "batches");
    put(Field.WRAPPED, "trace", "result");
    put(Field.RESOURCE, "resource");
    put(Field.SCOPE_SPANS, "scopespans", "instrumentationlibraryspans");
    put(Field.SPANS, "spans");
    put(Field.ATTRIBUTES, "attributes");
    put(Field.KEY, "key");
    put(Field.VALUE, "value");
    put(Field.SCALAR_VALUE, "stringvalue", "bytesvalue", "intvalue", "doublevalue", "boolvalue");
    put(Field.TRACE_ID, "traceid");
    put(Field.SPAN_ID, "spanid");
    put(Field.NAME, "name");
    put(Field.KIND, "kind");
    put(Field.START, "starttimeunixnano");
    put(Field.END, "endtimeunixnano");
    put(Field.STATUS, "status");
    put(Field.CODE, "code");
    put(Field.LINKS, "links");
  }

  // Bounded by the distinct field names of the input; a document of endless distinct names is
  // malformed anyway, and reading one stops at the line limit.
  private final Map<String, Field> seen = new HashMap<>();

  // Jackson hands out one instance per field name: a direct-mapped cache checked by identity
  // answers most fields without a map lookup.
  private final String[] recentNames = new String[256];
  private final Field[] recentFields = new Field[256];

  Field of(String fieldName) {
    int slot = fieldName.hashCode() & 255;
    if (recentNames[slot] == fieldName) {
      return recentFields[slot];
    }
    Field field = lookUp(fieldName);
    recentNames[slot] = fieldName;
    recentFields[slot] = field;
    return field;
  }

  private Field lookUp(String fieldName) {
    Field field = seen.get(fieldName);
    if (field == null) {
      field =
          CANONICAL.getOrDefault(fieldName.replace("_", "").toLowerCase(Locale.ROOT), Field.OTHER);
      if (seen.size() < 4096) {
        seen.put(fieldName, field);
      }
    }
    return field;
  }

  private static void put(Field field, String... canonicalNames) {
    for (String name : canonicalNames) {
      CANONICAL.put(name, field);
    }
  }
}
