package dev.tracelookup.backend.jaeger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A raw query string decoded the way Go's {@code url.ParseQuery} does, names in order. */
final class QueryParams {
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private QueryParams() {}

  static QueryParams parse(String rawQuery) {
    QueryParams params = new QueryParams();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      params.values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  /** Returns the first value, like Go's {@code Values.Get}: empty when absent or empty. */
  Optional<String> get(String name) {
    List<String> all = values.getOrDefault(name, List.of());
    return all.isEmpty() || all.get(0).isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Returns the first of the names that has a value, as Jaeger resolves aliases. */
  Optional<String> first(String... names) {
    for (String name : names) {
      Optional<String> value = get(name);
      if (value.isPresent()) {
        return value;
      }
    }
    return Optional.empty();
  }

  Map<String, List<String>> asMap() {
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
