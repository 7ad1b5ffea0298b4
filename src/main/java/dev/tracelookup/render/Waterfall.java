package dev.tracelookup.render;

import dev.tracelookup.trace.TimelineRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Draws a trace's compact waterfall: one line per row, for a code block on a card or as is on a
 * terminal.
 *
 * <pre>
 * ├──────────┤ 1.9 s
 * ████████████ 1.9 s ✗ POST /api/v1/orders
 * ▏            10 ms    order.validate
 * ▍            50 ms    inventory.check_stock
 *  ██████████▊ 1.7 s ✗  payment.process_charge
 *  ██████████▏ 1.6 s ✗   payment-svc · POST /charge ← cause
 *            ▎ 40 ms ↻  audit.record
 * </pre>
 *
 * <p>The bar, the duration and the mark ({@code ✗} failed, {@code ↻} failed and then recovered)
 * come first, in fixed columns; the label comes last: the span's name, with its service when that
 * differs from the row above it, indented by depth (at most {@value #MAX_INDENT} spaces), then
 * {@value #CAUSE} on the culprit and {@value #SLOW} on the span that took the time. A phone shows
 * about {@value #PHONE_WIDTH} columns of a code block; the fixed columns take 22 of them under a
 * minute, so labels of up to 22 characters (indentation and marker included) fit, and a longer one
 * wraps after the bar, the duration and the mark, cutting only the label. That is why the bar has
 * {@value #BAR_CELLS} cells: with eighth blocks ({@code ▏▎▍▌▋▊▉█}) it still draws 96 steps.
 *
 * <p>The first line is the scale: the full bar width and the time it stands for. Bars are scaled to
 * the shown rows' own earliest start and latest end, since a row may start before its parent (clock
 * skew) or minutes after it (a linked consumer trace), and clamped to the cells. A bar starts at
 * the cell nearest the span's start (a partial block only fills a cell from the left), keeps the
 * span's length to the eighth so that bars compare as durations do, and is never shorter than one
 * eighth, so every span shows. The duration column is as wide as the longest duration shown.
 *
 * <p>The markers avoid characters that phones draw as emoji ({@code ◀} is one): an emoji is wider
 * than a cell and would shift the rest of the line. Built without recursion; the same rows always
 * give the same lines.
 */
final class Waterfall {
  static final int BAR_CELLS = 12;
  static final int PHONE_WIDTH = 44;
  static final int MAX_INDENT = 6;
  static final int MAX_LABEL = 40;
  static final int MAX_SERVICE = 20;
  static final String CAUSE = "← cause";
  static final String SLOW = "← slow";

  /** What {@link Mrkdwn#codeBlock} adds around the lines: two fences and two line breaks. */
  static final int CODE_BLOCK_OVERHEAD = 8;

  private static final int EIGHTHS = 8;
  private static final String FULL = "█";
  private static final String[] PARTIAL = {" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  private static final String EMPTY = " ";

  private Waterfall() {}

  /**
   * Returns the waterfall as a mrkdwn code block of at most {@code maxChars} characters, or an
   * empty string when there are no rows or not even one fits.
   */
  static String codeBlock(List<TimelineRow> rows, int maxChars) {
    List<String> lines = lines(rows, Math.max(0, maxChars - CODE_BLOCK_OVERHEAD));
    return lines.isEmpty() ? "" : Mrkdwn.codeBlock(lines, maxChars);
  }

  /**
   * Returns the lines of the waterfall, scale first, within a budget.
   *
   * <p>The budget counts the lines as Slack receives them in a code block: joined by line breaks,
   * with {@code &}, {@code <} and {@code >} escaped (see {@link Mrkdwn#codeBlock}), so the same
   * lines never exceed it on a terminal either. When all rows do not fit, rows are dropped for a
   * last line {@code … N more spans}: first rows off the path that did well, then the failed and
   * recovered ones, then the path, shortest first. The first row (the entry), the culprit and the
   * span that took the time stay; only a budget too small for them (under about 200 characters)
   * drops the scale, then the last line, then them too.
   *
   * @param rows the rows in tree order, as {@code TraceAnalysis.timeline()} gives them
   * @param maxChars the most characters the lines may take
   * @throws IllegalArgumentException if {@code maxChars} is negative
   */
  static List<String> lines(List<TimelineRow> rows, int maxChars) {
    if (maxChars < 0) {
      throw new IllegalArgumentException("maxChars is negative: " + maxChars);
    }
    int[] order = dropOrder(rows);
    int kept = keptCount(rows);
    int dropMost = rows.size() - kept;
    for (boolean scale : new boolean[] {true, false}) {
      IntPredicate fits = k -> slackLength(draw(rows, order, k, scale, true)) <= maxChars;
      int k = smallestFit(fits, 0, dropMost);
      if (k >= 0) {
        return draw(rows, order, k, scale, true);
      }
    }
    IntPredicate fits = k -> slackLength(draw(rows, order, k, false, false)) <= maxChars;
    return draw(rows, order, smallestFit(fits, dropMost, rows.size()), false, false);
  }

  /** Returns the smallest {@code k} in [from, to] that fits, or -1 when {@code to} does not fit. */
  private static int smallestFit(IntPredicate fits, int from, int to) {
    if (!fits.test(to)) {
      return -1;
    }
    int low = from;
    int high = to;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (fits.test(middle)) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return high;
  }

  /** Returns the row indices in the order they are dropped: rows that must stay come last. */
  private static int[] dropOrder(List<TimelineRow> rows) {
    List<Integer> order = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparingInt((Integer i) -> rank(rows, i))
            .thenComparingLong(i -> rows.get(i).durationNanos())
            .thenComparing(Comparator.reverseOrder()));
    return order.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Returns how soon a row is dropped: lowest first; the rows that must stay rank highest. */
  private static int rank(List<TimelineRow> rows, int i) {
    TimelineRow row = rows.get(i);
    if (row.culprit()) {
      return 6;
    }
    if (row.tookTheTime()) {
      return 5;
    }
    if (i == 0) {
      return 4;
    }
    if (row.onPath() || row.depth() <= 0) {
      return 2;
    }
    return row.mark() == TimelineRow.Mark.OK ? 0 : 1;
  }

  private static int keptCount(List<TimelineRow> rows) {
    int kept = 0;
    for (int i = 0; i < rows.size(); i++) {
      kept += rank(rows, i) >= 4 ? 1 : 0;
    }
    return kept;
  }

  /** Returns the lines with the first {@code dropped} rows of the drop order left out. */
  private static List<String> draw(
      List<TimelineRow> rows, int[] order, int dropped, boolean scale, boolean more) {
    boolean[] shown = new boolean[rows.size()];
    Arrays.fill(shown, true);
    for (int k = 0; k < dropped; k++) {
      shown[order[k]] = false;
    }
    List<WaterfallRow> drawn = WaterfallRow.of(rows, shown, labels(rows, shown));
    if (drawn.isEmpty()) {
      return List.of();
    }
    WaterfallRow.Scale range = WaterfallRow.Scale.of(drawn);
    int durationWidth = range.durationText().length();
    for (WaterfallRow row : drawn) {
      durationWidth = Math.max(durationWidth, row.durationText().length());
    }
    List<String> lines = new ArrayList<>(drawn.size() + 2);
    if (scale) {
      lines.add(scaleLine(range, durationWidth));
    }
    for (WaterfallRow row : drawn) {
      lines.add(row.line(range, durationWidth));
    }
    if (more && dropped > 0) {
      lines.add(Texts.ELLIPSIS + " " + dropped + (dropped == 1 ? " more span" : " more spans"));
    }
    return lines;
  }

  private static String scaleLine(WaterfallRow.Scale range, int durationWidth) {
    return "├" + "─".repeat(BAR_CELLS - 2) + "┤ " + padLeft(range.durationText(), durationWidth);
  }

  /**
   * Returns each shown row's label: {@code service · name} when its service differs from the
   * nearest shown row above it with a smaller depth (or, for the other tops, from the first row's),
   * else the name alone.
   */
  private static String[] labels(List<TimelineRow> rows, boolean[] shown) {
    String[] labels = new String[rows.size()];
    Deque<TimelineRow> ancestors = new ArrayDeque<>();
    String topService = null;
    for (int i = 0; i < rows.size(); i++) {
      if (!shown[i]) {
        continue;
      }
      TimelineRow row = rows.get(i);
      while (!ancestors.isEmpty() && ancestors.peek().depth() >= row.depth()) {
        ancestors.pop();
      }
      String service = Texts.oneLine(row.service());
      String context = ancestors.isEmpty() ? topService : Texts.oneLine(ancestors.peek().service());
      String name = Texts.oneLine(row.name());
      name = name.isEmpty() ? "(no name)" : name;
      boolean named = context != null && !service.isEmpty() && !service.equals(context);
      String label = named ? Texts.truncate(service, MAX_SERVICE) + " · " + name : name;
      labels[i] = Texts.truncate(label, MAX_LABEL);
      topService = topService == null ? service : topService;
      ancestors.push(row);
    }
    return labels;
  }

  /** Returns the text padded with spaces on the left to {@code width} characters. */
  static String padLeft(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  /** Returns the bar of the span from {@code from} to {@code to} eighths of a cell. */
  static String bar(int from, int to) {
    StringBuilder bar = new StringBuilder(BAR_CELLS);
    for (int cell = 0; cell < BAR_CELLS; cell++) {
      int covered = Math.min(to, (cell + 1) * EIGHTHS) - Math.max(from, cell * EIGHTHS);
      if (covered >= EIGHTHS) {
        bar.append(FULL);
      } else if (covered > 0) {
        bar.append(PARTIAL[covered]);
      } else {
        bar.append(EMPTY);
      }
    }
    return bar.toString();
  }

  /** Returns how many characters the lines take in a Slack code block. */
  static int slackLength(List<String> lines) {
    return lines.isEmpty() ? 0 : Mrkdwn.escape(String.join("\n", lines)).length();
  }
}
