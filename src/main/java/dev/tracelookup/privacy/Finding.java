package dev.tracelookup.privacy;

/** A stretch of text that a {@link Detector} wants masked: characters {@code [start, end)}. */
record Finding(int start, int end) {
  Finding {
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("empty or negative range [" + start + ", " + end + ")");
    }
  }
}
