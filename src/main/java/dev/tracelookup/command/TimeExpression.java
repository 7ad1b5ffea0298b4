package dev.tracelookup.command;

import dev.tracelookup.time.DayRef;
import java.time.Duration;
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
        TimeExpression.WholeDay {

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

  /** A day with no time: all of it. */
  record WholeDay(DayRef day) implements TimeExpression {
    public WholeDay {
      Objects.requireNonNull(day, "day");
    }
  }
}
