package dev.tracelookup.backend.otlpfile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The service and span names the index has seen, lower case, each held once and numbered; and the
 * sets of them that a trace's spans in one line carry, each set held once and numbered too.
 *
 * <p>A directory of months of traces repeats a few hundred names and a few thousand combinations of
 * them: numbering both lets the index keep one {@code int} per trace and line instead of two sets
 * of strings. Not thread-safe: the index guards it with its lock.
 */
final class Vocabulary {
  /** The empty set of names, numbered 0. */
  static final int NO_NAMES = 0;

  private static final int[] EMPTY = {};

  private final Map<String, Integer> idsByName = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final Map<NameSet, Integer> idsBySet = new HashMap<>();
  private final List<int[]> sets = new ArrayList<>();
  // (set, name) → the set with the name added: most spans add a name their line already has.
  private final Map<Long, Integer> additions = new HashMap<>();
  // The last name read, so a run of spans with one name costs a comparison, not a lookup.
  private char[] lastChars = new char[0];
  private int lastId = -1;
  // Names by their bytes as read, so a known name costs no string: direct-mapped, a miss decodes.
  private static final int BYTE_SLOTS = 4096;
  private final byte[][] slotBytes = new byte[BYTE_SLOTS][];
  private final int[] slotIds = new int[BYTE_SLOTS];

  Vocabulary() {
    sets.add(EMPTY);
    idsBySet.put(new NameSet(EMPTY), NO_NAMES);
  }

  /** Returns the set member that says a span of the trace ran in the named service. */
  static int service(int nameId) {
    return nameId * 2;
  }

  /** Returns the set member that says a span of the trace had the name. */
  static int spanName(int nameId) {
    return nameId * 2 + 1;
  }

  /** Returns the number of the name in {@code chars[offset, offset + length)}, ignoring case. */
  int nameId(char[] chars, int offset, int length) {
    if (lastId >= 0
        && Arrays.equals(lastChars, 0, lastChars.length, chars, offset, offset + length)) {
      return lastId;
    }
    String name = new String(chars, offset, length).toLowerCase(Locale.ROOT);
    lastChars = Arrays.copyOfRange(chars, offset, offset + length);
    lastId = idsByName.computeIfAbsent(name, this::add);
    return lastId;
  }

  /** Returns the number of the name whose UTF-8 is {@code bytes[offset, offset + length)}. */
  int nameId(byte[] bytes, int offset, int length) {
    int hash = length;
    for (int i = offset; i < offset + length; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (BYTE_SLOTS - 1);
    byte[] known = slotBytes[slot];
    if (known != null && Arrays.equals(known, 0, known.length, bytes, offset, offset + length)) {
      return slotIds[slot];
    }
    String name =
        new String(bytes, offset, length, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    int id = idsByName.computeIfAbsent(name, this::add);
    slotBytes[slot] = Arrays.copyOfRange(bytes, offset, offset + length);
    slotIds[slot] = id;
    return id;
  }

  /** Returns the number of the name, ignoring case, or empty when no span carried it. */
  Optional<Integer> knownNameId(String name) {
    return Optional.ofNullable(idsByName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Returns the lower-case name numbered {@code id}; equal names give the same instance. */
  String name(int id) {
    return names.get(id);
  }

  /** Returns the number of the set holding the names of set {@code setId} and the given name. */
  int withName(int setId, int member) {
    if (Arrays.binarySearch(sets.get(setId), member) >= 0) {
      return setId;
    }
    long key = ((long) setId << 32) | (member & 0xffffffffL);
    Integer known = additions.get(key);
    if (known != null) {
      return known;
    }
    int[] members = sets.get(setId);
    int[] grown = Arrays.copyOf(members, members.length + 1);
    grown[members.length] = member;
    Arrays.sort(grown);
    int id = idsBySet.computeIfAbsent(new NameSet(grown), this::addSet);
    additions.put(key, id);
    return id;
  }

  /** Returns the members of the numbered set, sorted; the caller must not change the array. */
  int[] members(int setId) {
    return sets.get(setId);
  }

  private int add(String name) {
    names.add(name);
    return names.size() - 1;
  }

  private int addSet(NameSet set) {
    sets.add(set.members);
    return sets.size() - 1;
  }

  /** An int array compared by content, as a map key. */
  private static final class NameSet {
    private final int[] members;
    private final int hash;

    NameSet(int[] members) {
      this.members = members;
      this.hash = Arrays.hashCode(members);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof NameSet set && Arrays.equals(members, set.members);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
