package dev.tracelookup.render;

import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.trace.TimelineRow;
import java.util.ArrayList;
import java.util.List;

/** One line of a {@link Waterfall}: a row with its label, its bar and its duration. */
record WaterfallRow(TimelineRow row, String label, String durationText) {
  private static final int EIGHTHS = 8;
  private static final int SCALE_EIGHTHS = Waterfall.BAR_CELLS * EIGHTHS;

  /** Returns the shown rows, in order, with their labels. */
  static List<WaterfallRow> of(List<TimelineRow> rows, boolean[] shown, String[] labels) {
    List<WaterfallRow> drawn = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      if (shown[i]) {
        String duration = DurationFormat.compact(rows.get(i).durationNanos());
        drawn.add(new WaterfallRow(rows.get(i), labels[i], duration));
      }
    }
    return drawn;
  }

  /**
   * The time the bars stand for: from the earliest start to the latest end of the shown rows. The
   * arithmetic saturates, so that nonsense timestamps give clamped bars rather than overflow.
   */
  record Scale(long start, long range) {
    static Scale of(List<WaterfallRow> rows) {
      long start = Long.MAX_VALUE;
      long end = Long.MIN_VALUE;
      for (WaterfallRow row : rows) {
        start = Math.min(start, row.row().startEpochNanos());
        end = Math.max(end, end(row.row()));
      }
      long range = end - start;
      return new Scale(start, range < 0 ? Long.MAX_VALUE : range);
    }

    String durationText() {
      return DurationFormat.compact(range);
    }

    /** Returns how many eighths of a cell from the left edge the instant lies, clamped. */
    int eighths(long instant) {
      long offset = instant - start;
      if (offset < 0) {
        // Before the start, or past it by more than a long holds.
        offset = instant < start ? 0 : range;
      }
      if (range == 0) {
        return 0;
      }
      long eighths = Math.round((double) offset / range * SCALE_EIGHTHS);
      return (int) Math.min(SCALE_EIGHTHS, eighths);
    }

    /** Returns how many eighths of a cell the duration takes, clamped to the whole bar. */
    int length(long durationNanos) {
      if (range == 0 || durationNanos <= 0) {
        return 0;
      }
      return (int)
          Math.min(SCALE_EIGHTHS, Math.round((double) durationNanos / range * SCALE_EIGHTHS));
    }
  }

  /** Returns the line: bar, duration, mark, then the label indented by depth and the markers. */
  String line(Scale scale, int durationWidth) {
    return bar(scale)
        + " "
        + Waterfall.padLeft(durationText, durationWidth)
        + " "
        + mark()
        + " "
        + " ".repeat(Math.min(Math.max(0, row.depth()), Waterfall.MAX_INDENT))
        + label
        + markers();
  }

  /**
   * Returns the bar: it starts at the cell nearest the span's start, since a partial block can only
   * fill a cell from the left, and keeps the span's length to the eighth (one eighth at least), so
   * that bars compare as their durations do; clamped to the last cell.
   */
  private String bar(Scale scale) {
    int start = scale.eighths(row.startEpochNanos());
    int length = Math.max(1, scale.length(row.durationNanos()));
    int from = Math.min((start + EIGHTHS / 2) / EIGHTHS, Waterfall.BAR_CELLS - 1) * EIGHTHS;
    return Waterfall.bar(from, Math.min(SCALE_EIGHTHS, from + length));
  }

  private String mark() {
    switch (row.mark()) {
      case FAILED:
        return "✗";
      case RECOVERED:
        return "↻";
      default:
        return " ";
    }
  }

  private String markers() {
    if (row.culprit()) {
      return row.tookTheTime() ? " " + Waterfall.CAUSE + ", slow" : " " + Waterfall.CAUSE;
    }
    return row.tookTheTime() ? " " + Waterfall.SLOW : "";
  }

  private static long end(TimelineRow row) {
    long duration = Math.max(0, row.durationNanos());
    long start = row.startEpochNanos();
    return start > Long.MAX_VALUE - duration ? Long.MAX_VALUE : start + duration;
  }
}
