package dev.tracelookup.command;

import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.time.TimeFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Turns the time the agent wrote into the window to search, now that the zone and "now" are known:
 * a point gets the half window either side, a range and a day are taken as they are, and no time
 * means the last little while. Windows are clipped at now; times still ahead are refused.
 */
final class WindowResolver {
  private static final String STILL_AHEAD_TODAY = ", as today's is still ahead";

  private final Clock clock;
  private final Duration defaultHalfWindow;
  private final Duration defaultRecent;
  private final Duration maxWindow;

  /** The window before it is checked against now and the longest allowed search. */
  private record Candidate(
      Instant from, Instant to, ZoneId zone, String basis, Optional<Instant> stated) {
    Candidate(Instant from, Instant to, ZoneId zone, String basis) {
      this(from, to, zone, basis, Optional.empty());
    }
  }

  WindowResolver(
      Clock clock, Duration defaultHalfWindow, Duration defaultRecent, Duration maxWindow) {
    this.clock = clock;
    this.defaultHalfWindow = defaultHalfWindow;
    this.defaultRecent = defaultRecent;
    this.maxWindow = maxWindow;
  }

  /** Returns the window the draft means, or empty with the reason recorded in the draft. */
  Optional<TimeWindow> resolve(CommandDraft draft, ZoneId agentZone) {
    Instant now = clock.instant();
    ZoneId zone = draft.zone().orElse(agentZone);
    Optional<TimeExpression> time = draft.time();
    if (time.isEmpty()) {
      Duration back = draft.halfWindow().orElse(defaultRecent);
      return finish(
          new Candidate(now.minus(back), now, zone, "the last " + DurationFormat.prose(back)),
          now,
          draft);
    }
    boolean fixedLength =
        time.get() instanceof TimeExpression.Between
            || time.get() instanceof TimeExpression.WholeDay
            || time.get() instanceof TimeExpression.PartOfDay;
    if (fixedLength && draft.halfWindow().isPresent()) {
      draft.fail(
          "A range or a whole day already says where to look, so a window does not apply. "
              + "Drop one, e.g. `14:00-14:30` or `14:15 window 15m`.");
      return Optional.empty();
    }
    WindowContext context =
        new WindowContext(
            now, zone, draft.zone().isPresent(), draft.halfWindow().orElse(defaultHalfWindow));
    return candidate(time.get(), context, draft).flatMap(c -> finish(c, now, draft));
  }

  private Optional<Candidate> candidate(
      TimeExpression time, WindowContext context, CommandDraft draft) {
    if (time instanceof TimeExpression.At at) {
      return Optional.of(point(at.moment(), context));
    }
    if (time instanceof TimeExpression.Between between) {
      return range(between, context, draft);
    }
    if (time instanceof TimeExpression.WholeDay day) {
      return Optional.of(wholeDay(day.day(), context));
    }
    if (time instanceof TimeExpression.PartOfDay part) {
      return Optional.of(partOfDay(part, context));
    }
    if (time instanceof TimeExpression.Ago ago) {
      Instant at = context.now().minus(ago.length());
      String basis =
          DurationFormat.prose(ago.length()) + " ago ±" + DurationFormat.prose(context.half());
      return Optional.of(
          new Candidate(
              at.minus(context.half()),
              at.plus(context.half()),
              context.zone(),
              basis,
              Optional.of(at)));
    }
    // Now: the half window back from this moment, as nothing after it can have happened yet.
    Instant now = context.now();
    return Optional.of(
        new Candidate(
            now.minus(context.half()),
            now,
            context.zone(),
            "the last " + DurationFormat.prose(context.half())));
  }

  private static Candidate point(Moment moment, WindowContext context) {
    Duration half = context.half();
    ZonedDateTime at = context.place(moment, 0);
    boolean rolled =
        context.unnamedDay(moment) && !at.toInstant().minus(half).isBefore(context.now());
    if (rolled) {
      at = context.place(moment, 1);
    }
    String basis =
        context.describe(moment, at)
            + " ±"
            + DurationFormat.prose(half)
            + (rolled ? STILL_AHEAD_TODAY : "");
    return new Candidate(
        at.toInstant().minus(half),
        at.toInstant().plus(half),
        context.windowZone(at),
        basis,
        Optional.of(at.toInstant()));
  }

  private static Optional<Candidate> range(
      TimeExpression.Between between, WindowContext context, CommandDraft draft) {
    ZonedDateTime start = context.place(between.start(), 0);
    ZonedDateTime end = context.place(between.end(), 0);
    boolean rolled =
        context.unnamedDay(between.start()) && !start.toInstant().isBefore(context.now());
    if (rolled) {
      start = context.place(between.start(), 1);
      end = context.place(between.end(), 1);
    }
    if (!end.isAfter(start)) {
      draft.fail(
          "The range ends ("
              + TimeFormat.dateTime(end)
              + ") before it starts ("
              + TimeFormat.dateTime(start)
              + "). Write the earlier time first, e.g. `14:00-14:30`; across midnight give both"
              + " dates: `2026-02-05T23:30..2026-02-06T00:30`.");
      return Optional.empty();
    }
    String basis = context.describeRange(between, start, end) + (rolled ? STILL_AHEAD_TODAY : "");
    return Optional.of(
        new Candidate(start.toInstant(), end.toInstant(), context.windowZone(start), basis));
  }

  private static Candidate wholeDay(DayRef day, WindowContext context) {
    LocalDate date = day.on(context.today());
    ZonedDateTime start = date.atStartOfDay(context.zone());
    ZonedDateTime end = date.plusDays(1).atStartOfDay(context.zone());
    String basis = "all of " + date + " " + TimeFormat.zone(context.zone());
    return new Candidate(start.toInstant(), end.toInstant(), context.zone(), basis);
  }

  /** Returns "this morning (06:00–12:00 America/New_York)": the hours the words stand for. */
  private static Candidate partOfDay(TimeExpression.PartOfDay part, WindowContext context) {
    LocalDate date = part.day().on(context.today());
    ZonedDateTime start = ZonedDateTime.of(date, part.from(), context.zone());
    LocalDate endDate = part.to().isAfter(part.from()) ? date : date.plusDays(1);
    ZonedDateTime end = ZonedDateTime.of(endDate, part.to(), context.zone());
    String basis =
        part.words()
            + " ("
            + TimeFormat.time(start)
            + "–"
            + TimeFormat.time(end)
            + " "
            + TimeFormat.zone(context.zone())
            + ")";
    return new Candidate(start.toInstant(), end.toInstant(), context.zone(), basis);
  }

  private Optional<TimeWindow> finish(Candidate candidate, Instant now, CommandDraft draft) {
    if (!candidate.from().isBefore(now)) {
      draft.fail(
          "That time is still ahead: "
              + candidate.basis()
              + " starts after now ("
              + TimeFormat.dateTime(now.atZone(candidate.zone()))
              + " "
              + TimeFormat.zone(candidate.zone())
              + "). Check the date, or name the customer's zone, e.g. `tz Europe/Paris`.");
      return Optional.empty();
    }
    boolean clipped = candidate.to().isAfter(now);
    Instant to = clipped ? now : candidate.to();
    Duration length = Duration.between(candidate.from(), to);
    if (length.compareTo(maxWindow) > 0) {
      draft.fail(
          "That is "
              + DurationFormat.prose(length)
              + " to search, more than the "
              + DurationFormat.prose(maxWindow)
              + " a lookup may cover. Narrow it, e.g. `2026-02-06 14:00-16:00` or `yesterday 3pm"
              + " window 1h`.");
      return Optional.empty();
    }
    String basis = clipped ? candidate.basis() + ", up to now" : candidate.basis();
    return Optional.of(
        new TimeWindow(candidate.from(), to, candidate.zone(), basis, candidate.stated()));
  }
}
