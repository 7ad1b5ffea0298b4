package dev.tracelookup.trace;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Span, resource or event attributes, each value kept in its string form.
 *
 * <p>Backends disagree on types (Jaeger and Zipkin send {@code "502"}, OTLP sends an int), so
 * values are normalised to text once, and readers that need a number parse it with {@link
 * #getLong}. Booleans are {@code "true"}/{@code "false"}; arrays are written as JSON-like lists.
 */
public record Attributes(Map<String, String> values) {
  private static final Attributes EMPTY = new Attributes(Map.of());

  public Attributes {
    values = Map.copyOf(Objects.requireNonNull(values, "values"));
  }

  public static Attributes empty() {
    return EMPTY;
  }

  /** Returns attributes from alternating keys and values: {@code of("user.id", "usr_1")}. */
  public static Attributes of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must alternate");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new Attributes(map);
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Returns the value of the first key present, in the order given. */
  public Optional<String> first(String... keys) {
    for (String key : keys) {
      String value = values.get(key);
      if (value != null) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }

  /** Returns the value as a whole number, whether it was written as an int or as text. */
  public OptionalLong getLong(String key) {
    String value = values.get(key);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException notAnInteger) {
      return OptionalLong.empty();
    }
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public int size() {
    return values.size();
  }
}
