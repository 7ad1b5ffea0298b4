package dev.tracelookup.command;

import dev.tracelookup.time.DayRef;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Objects;

/**
 * The time the agent wrote, as written: turned into a window only once the zone and "now" are
 * known.
 */
sealed interface TimeExpression
    permits TimeExpression.Now,
        TimeExpression.Ago,
        TimeExpression.At,
        TimeExpression.Between,
        TimeExpression.WholeDay,
        TimeExpression.PartOfDay {

  /** {@code now}. */
  record Now() implements TimeExpression {}

  /** {@code 30m ago}, {@code 90 min ago}. */
  record Ago(Duration length) implements TimeExpression {
    public Ago {
      Objects.requireNonNull(length, "length");
    }
  }

  /** A point in time, searched either side by the half window. */
  record At(Moment moment) implements TimeExpression {
    public At {
      Objects.requireNonNull(moment, "moment");
    }
  }

  /** An explicit range, taken as is. */
  record Between(Moment start, Moment end) implements TimeExpression {
    public Between {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
    }
  }

  /**
   * A part of a day said in words ({@code this morning}, {@code yesterday afternoon}, {@code last
   * night}): the hours people mean by it, taken as a range. An end at or before the start is on the
   * next day ("last night" runs to the morning).
   *
   * @param words how it was said, for quoting back
   */
  record PartOfDay(DayRef day, LocalTime from, LocalTime to, String words)
      implements TimeExpression {
    public PartOfDay {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(words, "words");
    }
  }

  /** A day with no time: all of it. */
  record WholeDay(DayRef day) implements TimeExpression {
    public WholeDay {
      Objects.requireNonNull(day, "day");
    }
  }
}
