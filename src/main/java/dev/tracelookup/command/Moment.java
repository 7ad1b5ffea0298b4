package dev.tracelookup.command;

import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.TimeOfDay;
import java.time.ZonedDateTime;
import java.util.Objects;

/** One end of a time the agent named. */
sealed interface Moment permits Moment.Fixed, Moment.Wall {

  /** A time that carried its own offset or zone ({@code 2026-02-06T14:17:23Z}): no zone needed. */
  record Fixed(ZonedDateTime at) implements Moment {
    public Fixed {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A wall-clock time on a day, read in the command's zone once that is known. */
  record Wall(DayRef day, TimeOfDay time) implements Moment {
    public Wall {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
    }
  }
}
