package dev.tracelookup.trace;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Span IDs to ordinals, for traces of 100,000 spans.
 *
 * <p>A hash map of String keys follows, per lookup, a table slot, an entry, the key string and its
 * bytes, each wherever it lies in memory: at 100k spans every one of them misses the CPU caches.
 * Here the usual ID, 16 lower-case hex digits, is kept as its 64-bit value in two flat arrays, so a
 * lookup reads a slot or two. Any other ID (a test's, or a backend's odd format) goes to a map.
 */
final class SpanIdIndex {
  private static final int HEX_LENGTH = TraceIds.SPAN_ID_HEX_LENGTH;
  private static final long MIX = 0x9E3779B97F4A7C15L;

  private final long[] keys;
  // Ordinal + 1, so that the zeros of a new array mark free slots.
  private final int[] ordinals;
  private final int mask;
  // Span IDs come from whoever instruments a service: a seed no one can guess keeps IDs crafted to
  // share a slot from turning every lookup into a walk of the whole table.
  private final long seed = ThreadLocalRandom.current().nextLong();
  private final Map<String, Integer> others = new HashMap<>();

  /** Returns an index for up to {@code maxIds} distinct IDs, such as the spans of one trace. */
  SpanIdIndex(int maxIds) {
    // At least twice the slots, so probes stay short and always reach a free slot.
    int capacity = Integer.highestOneBit(Math.max(2, maxIds) * 2 - 1) << 1;
    keys = new long[capacity];
    ordinals = new int[capacity];
    mask = capacity - 1;
  }

  /** Returns the ordinal of the ID, first giving it {@code ordinal} when the ID is new. */
  int putIfAbsent(String id, int ordinal) {
    if (!isHex(id)) {
      return others.computeIfAbsent(id, newId -> ordinal);
    }
    long key = value(id);
    int slot = slot(key);
    if (ordinals[slot] == 0) {
      keys[slot] = key;
      ordinals[slot] = ordinal + 1;
      return ordinal;
    }
    return ordinals[slot] - 1;
  }

  /** Returns the ordinal of the ID, or -1 when it was never put. */
  int get(String id) {
    if (!isHex(id)) {
      return others.getOrDefault(id, -1);
    }
    return ordinals[slot(value(id))] - 1;
  }

  /** Returns the slot holding the key, or the free slot where it belongs; linear probing. */
  private int slot(long key) {
    int slot = (int) (((key ^ seed) * MIX) >>> 32) & mask;
    while (ordinals[slot] != 0 && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static boolean isHex(String id) {
    if (id.length() != HEX_LENGTH) {
      return false;
    }
    for (int i = 0; i < HEX_LENGTH; i++) {
      char c = id.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static long value(String hex) {
    return HexFormat.fromHexDigitsToLong(hex);
  }
}
