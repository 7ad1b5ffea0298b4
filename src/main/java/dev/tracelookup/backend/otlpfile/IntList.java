package dev.tracelookup.backend.otlpfile;

import java.util.Arrays;

/** A growable list of ints without boxing: the traces of one user, of one linked-to trace. */
final class IntList {
  private int[] values;
  private int size;

  IntList(int capacity) {
    values = new int[Math.max(1, capacity)];
  }

  /** Adds the value unless it is already the last one: spans of a trace come in runs. */
  void addIfNotLast(int value) {
    if (size > 0 && values[size - 1] == value) {
      return;
    }
    if (size == values.length) {
      values = Arrays.copyOf(values, size + (size >> 1) + 1);
    }
    values[size++] = value;
  }

  int size() {
    return size;
  }

  int get(int index) {
    return values[index];
  }

  /** Returns the distinct values, in ascending order. */
  int[] distinct() {
    return Arrays.stream(values, 0, size).sorted().distinct().toArray();
  }
}
