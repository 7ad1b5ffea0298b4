package dev.tracelookup.backend.jaeger;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal short strings read from one answer. A large trace repeats the same tag keys, types,
 * services and statements on every span; sharing them keeps the spans of a 100,000-span trace
 * within a few dozen megabytes. Bounded, so a hostile answer cannot grow it without limit.
 */
final class StringPool {
  private static final int MAX_ENTRIES = 8_192;
  private static final int MAX_LENGTH = 256;

  private final Map<String, String> pool = new HashMap<>();

  /** Returns the pooled copy of the string, pooling it when there is room; null stays null. */
  String of(String value) {
    if (value == null || value.length() > MAX_LENGTH) {
      return value;
    }
    String pooled = pool.get(value);
    if (pooled != null) {
      return pooled;
    }
    if (pool.size() < MAX_ENTRIES) {
      pool.put(value, value);
    }
    return value;
  }
}
