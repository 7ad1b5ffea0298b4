package dev.tracelookup.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits lines into a bounded space: elides what matters least when they are too many, and packs them
 * into chunks of bounded size (one chunk per Slack section).
 *
 * <p>Sizes count each line plus its line break, the same as the joined chunk text.
 */
final class LinePacker {
  // Room for one "… N lines not shown" marker and its line break.
  private static final int MARKER_COST = 40;

  private LinePacker() {}

  /**
   * Returns chunks of at most {@code maxChunkChars} characters, at most {@code maxChunks} of them
   * and at most {@code maxChars} in all, eliding lines around {@code focus} as {@link #elide} does.
   * Lines longer than a chunk are cut.
   */
  static List<String> pack(
      List<String> lines, int focus, int maxChunkChars, int maxChunks, int maxChars) {
    List<String> fitted = new ArrayList<>(lines.size());
    int longest = MARKER_COST;
    for (String line : lines) {
      String cut = Texts.truncate(line, maxChunkChars - 1);
      fitted.add(cut);
      longest = Math.max(longest, cut.length() + 1);
    }
    // A chunk is only closed when the next line does not fit, so every chunk but the last holds
    // more than (maxChunkChars - longest): this many characters can never need too many chunks.
    long room = Math.min(maxChars, (long) maxChunks * (maxChunkChars - longest));
    return chunk(elide(fitted, focus, (int) Math.max(0, room)), maxChunkChars);
  }

  /**
   * Returns the lines within {@code maxChars}: when they do not fit, keeps the first lines, the
   * lines leading up to {@code focus} and those right after it, and puts a marker in each gap.
   */
  static List<String> elide(List<String> lines, int focus, int maxChars) {
    if (cost(lines, 0, lines.size()) <= maxChars) {
      return lines;
    }
    int room = maxChars - 2 * MARKER_COST;
    if (room <= 0 || lines.isEmpty()) {
      return List.of();
    }
    int center = Math.min(Math.max(0, focus), lines.size() - 1);
    int headEnd = forward(lines, 0, center, room / 3);
    int afterEnd = forward(lines, center, lines.size(), room / 3);
    int left = room - cost(lines, 0, headEnd) - cost(lines, center, afterEnd);
    int beforeStart = backward(lines, center, headEnd, left);
    // Whatever the lines before the focus left unused goes to the lines after it.
    left -= cost(lines, beforeStart, center);
    afterEnd = forward(lines, afterEnd, lines.size(), left);
    return withMarkers(lines, headEnd, beforeStart, afterEnd);
  }

  /** Returns lines [0, headEnd) and [beforeStart, afterEnd), with a marker for each gap. */
  private static List<String> withMarkers(
      List<String> lines, int headEnd, int beforeStart, int afterEnd) {
    List<String> kept = new ArrayList<>(lines.subList(0, headEnd));
    if (beforeStart > headEnd) {
      kept.add(marker(beforeStart - headEnd));
    }
    kept.addAll(lines.subList(beforeStart, afterEnd));
    if (afterEnd < lines.size()) {
      kept.add(marker(lines.size() - afterEnd));
    }
    return kept;
  }

  /** Returns the lines joined into chunks of at most {@code maxChunkChars}, greedily. */
  static List<String> chunk(List<String> lines, int maxChunkChars) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (current.length() > 0 && current.length() + 1 + line.length() > maxChunkChars) {
        chunks.add(current.toString());
        current.setLength(0);
      }
      if (current.length() > 0) {
        current.append('\n');
      }
      current.append(line);
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /** Returns the end of the longest run from {@code start} (before {@code limit}) within room. */
  private static int forward(List<String> lines, int start, int limit, int room) {
    int end = start;
    int used = 0;
    while (end < limit && used + lines.get(end).length() + 1 <= room) {
      used += lines.get(end).length() + 1;
      end++;
    }
    return end;
  }

  /**
   * Returns the start of the longest run ending before {@code end} (from {@code limit}) within
   * room.
   */
  private static int backward(List<String> lines, int end, int limit, int room) {
    int start = end;
    int used = 0;
    while (start > limit && used + lines.get(start - 1).length() + 1 <= room) {
      used += lines.get(start - 1).length() + 1;
      start--;
    }
    return start;
  }

  private static int cost(List<String> lines, int from, int to) {
    int total = 0;
    for (int i = from; i < to; i++) {
      total += lines.get(i).length() + 1;
    }
    return total;
  }

  private static String marker(int count) {
    return "  … " + TraceViews.count(count, "line") + " not shown";
  }
}
