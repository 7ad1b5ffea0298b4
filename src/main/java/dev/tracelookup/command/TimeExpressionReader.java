package dev.tracelookup.command;

import dev.tracelookup.time.ClockText;
import dev.tracelookup.time.DateOrder;
import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.DayText;
import dev.tracelookup.time.DurationText;
import dev.tracelookup.time.TimeOfDay;
import java.time.Duration;
import java.time.Month;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the time as people write it: {@code now}, {@code 30m ago}, {@code an hour ago}, {@code
 * 2:15pm}, {@code 2:15 PM}, {@code yesterday 3pm}, {@code 3pm yesterday}, {@code Feb 6 2:15pm},
 * {@code 6 Feb}, {@code 2/6} (in the configured {@link DateOrder}), {@code 2026-02-06 14:15},
 * ISO-8601 date-times, a day alone, parts of a day ({@code this morning}, {@code last night},
 * {@code yesterday afternoon}), and ranges ({@code 14:00-14:30}, {@code 2pm to 2:30pm}, {@code
 * <iso>..<iso>}).
 */
final class TimeExpressionReader implements ClauseReader {
  private static final String EXAMPLES =
      "Write it like `2:15pm`, `14:15`, `yesterday 3pm` or `14:00-14:30`.";

  /** Words that may stand between a day and its time: "Feb 6 at 2:15pm", "yesterday @ 3pm". */
  private static final Set<String> JOINERS = Set.of("at", "@", "around", "about", "~", ",");

  /** "an hour ago", "a few minutes ago", "half an hour ago": the lengths said in words. */
  private static final Map<String, Duration> SPOKEN_LENGTHS =
      Map.of(
          "a minute", Duration.ofMinutes(1),
          "an hour", Duration.ofHours(1),
          "a few minutes", Duration.ofMinutes(5),
          "few minutes", Duration.ofMinutes(5),
          "a couple of minutes", Duration.ofMinutes(2),
          "a couple of hours", Duration.ofHours(2),
          "a couple hours", Duration.ofHours(2),
          "half an hour", Duration.ofMinutes(30),
          "an hour and a half", Duration.ofMinutes(90));

  private final DateOrder order;

  TimeExpressionReader(DateOrder order) {
    this.order = order;
  }

  /** A value read from the tokens, and how many tokens it took. */
  private record Taken<T>(T value, int tokens) {}

  @Override
  public boolean read(TokenCursor in, CommandDraft draft) {
    String word = in.word(0);
    if (word.isEmpty()) {
      return false;
    }
    if (word.equals("now")) {
      return take(in, 1, new TimeExpression.Now(), draft);
    }
    Optional<DurationText.Match> ago = DurationText.read(word, in.word(1));
    if (ago.isPresent() && in.word(ago.get().words()).equals("ago")) {
      return take(in, ago.get().words() + 1, new TimeExpression.Ago(ago.get().length()), draft);
    }
    Optional<Taken<Duration>> spoken = spokenAgo(in);
    if (spoken.isPresent()) {
      return take(in, spoken.get().tokens(), new TimeExpression.Ago(spoken.get().value()), draft);
    }
    Optional<DayPart> part = DayPart.at(in, 0);
    if (part.isPresent()) {
      return readPart(in, 0, part.get(), draft);
    }
    if (word.contains("..")) {
      return readDotted(in, draft);
    }
    if (IsoText.looksLikeIso(word)) {
      return readIso(in, draft);
    }
    return readDayAndClock(in, draft);
  }

  private static boolean readDotted(TokenCursor in, CommandDraft draft) {
    String text = in.token(0).text();
    int dots = text.indexOf("..");
    Optional<Moment> start = moment(text.substring(0, dots));
    Optional<Moment> end = moment(text.substring(dots + 2));
    if (start.isEmpty() && end.isEmpty()) {
      return false;
    }
    if (start.isEmpty() || end.isEmpty()) {
      in.advance(1);
      draft.fail(
          "I could not read the range "
              + Quoting.code(text)
              + ". Write it like `2026-02-06T14:00Z..2026-02-06T14:30Z` or `14:00-14:30`.");
      return true;
    }
    return take(in, 1, between(start.get(), end.get()), draft);
  }

  private static boolean readIso(TokenCursor in, CommandDraft draft) {
    Optional<Moment> start = IsoText.parse(in.token(0).text());
    if (start.isEmpty()) {
      draft.fail(
          Quoting.code(in.token(0).text())
              + " is not a date and time I can read. Write it like `2026-02-06T14:15`,"
              + " `2026-02-06T14:15Z` or `2026-02-06T14:15-05:00`.");
      in.advance(1);
      return true;
    }
    if (ClockRun.RANGE_WORDS.contains(in.word(1))) {
      Optional<Taken<Moment>> end = momentAt(in, 2);
      if (end.isPresent()) {
        return take(in, 2 + end.get().tokens(), between(start.get(), end.get().value()), draft);
      }
    }
    return take(in, 1, new TimeExpression.At(start.get()), draft);
  }

  /** Returns "an hour ago", "a few minutes ago" and the like, if written at the cursor. */
  private static Optional<Taken<Duration>> spokenAgo(TokenCursor in) {
    for (int words = 2; words <= 5; words++) {
      if (in.word(words).equals("ago")) {
        Duration length = SPOKEN_LENGTHS.get(in.typed(words).toLowerCase(Locale.ROOT));
        if (length != null) {
          return Optional.of(new Taken<>(length, words + 1));
        }
      }
    }
    return Optional.empty();
  }

  private boolean readDayAndClock(TokenCursor in, CommandDraft draft) {
    Optional<Taken<DayRef>> day = dayAt(in, 0);
    if (day.isEmpty() && DayText.looksLikeDate(in.word(0))) {
      draft.fail(
          "There is no day "
              + Quoting.code(in.token(0).text())
              + ". Write dates like `2026-02-06`.");
      in.advance(1);
      return true;
    }
    int used = day.map(Taken::tokens).orElse(0);
    if (day.isPresent()) {
      Optional<DayPart> part = DayPart.after(day.get().value(), in.typed(used), in, used);
      if (part.isPresent()) {
        return readPart(in, used, part.get(), draft);
      }
    }
    int clockAt = day.isPresent() ? afterJoiners(in, used) : used;
    Optional<ClockRun> clocks = ClockRun.at(in, clockAt);
    if (clocks.isEmpty() && day.isEmpty()) {
      return false;
    }
    if (clocks.isEmpty()) {
      return take(in, used, new TimeExpression.WholeDay(day.get().value()), draft);
    }
    used = clockAt + clocks.get().tokens();
    Optional<DayRef> named = day.map(Taken::value);
    if (named.isEmpty()) {
      int dayAt = in.word(used).equals("on") ? used + 1 : used;
      Optional<Taken<DayRef>> after = dayAt(in, dayAt);
      if (after.isPresent()) {
        named = Optional.of(after.get().value());
        used = dayAt + after.get().tokens();
      }
    }
    return readClocks(in, used, named.orElse(new DayRef.Unnamed()), clocks.get(), draft);
  }

  /**
   * Reads a part of the day that starts {@code used} tokens on ("yesterday afternoon"), with the
   * time of day that may follow it ("this morning at 9:30", "yesterday afternoon 2:15").
   */
  private static boolean readPart(TokenCursor in, int used, DayPart part, CommandDraft draft) {
    int end = used + part.tokens();
    int clockAt = afterJoiners(in, end);
    Optional<ClockText> clock = ClockText.parse(in.word(clockAt));
    Optional<TimeOfDay> time = clock.flatMap(c -> c.timeIn(part.half()));
    if (time.isPresent() && (clock.get().complete() || clockAt > end)) {
      TimeOfDay shown = new TimeOfDay(time.get().time(), true);
      return take(
          in, clockAt + 1, new TimeExpression.At(new Moment.Wall(part.day(), shown)), draft);
    }
    return take(in, end, part.expression(), draft);
  }

  /** Returns where the time starts after the little words that may join it to its day. */
  private static int afterJoiners(TokenCursor in, int at) {
    int next = at;
    while (JOINERS.contains(in.word(next)) && next < at + 2) {
      next++;
    }
    return next > at && ClockText.parse(in.word(next)).isPresent() ? next : at;
  }

  /**
   * Returns the day written {@code at} tokens on: {@code today}, {@code yesterday}, an ISO or a
   * short date, or a month name with its day, either way round, with or without a year: {@code Feb
   * 6}, {@code February 6th, 2026}, {@code 6 Feb}.
   */
  private Optional<Taken<DayRef>> dayAt(TokenCursor in, int at) {
    Optional<DayRef> plain = DayText.parse(in.word(at), order);
    if (plain.isPresent()) {
      return Optional.of(new Taken<>(plain.get(), 1));
    }
    Optional<Taken<DayRef>> weekday = weekdayAt(in, at);
    if (weekday.isPresent()) {
      return weekday;
    }
    Optional<Month> month = DayText.month(in.word(at));
    if (month.isPresent()) {
      Optional<Integer> day = DayText.dayOfMonth(in.word(at + 1));
      return day.flatMap(d -> withYear(month.get(), d, in, at + 2, 2));
    }
    Optional<Integer> day = DayText.dayOfMonth(in.word(at));
    int monthAt = in.word(at + 1).equals("of") ? at + 2 : at + 1;
    Optional<Month> after = DayText.month(in.word(monthAt));
    if (day.isPresent() && after.isPresent()) {
      return withYear(after.get(), day.get(), in, monthAt + 1, monthAt + 1 - at);
    }
    return Optional.empty();
  }

  /** Returns "tuesday" (the latest up to today) or "last tuesday" (the latest before today). */
  private static Optional<Taken<DayRef>> weekdayAt(TokenCursor in, int at) {
    boolean last = in.word(at).equals("last");
    String words = last ? "last " + in.word(at + 1) : in.word(at);
    return DayText.parsePhrase(words)
        .filter(DayRef.OnWeekday.class::isInstance)
        .map(day -> new Taken<>(day, last ? 2 : 1));
  }

  private static Optional<Taken<DayRef>> withYear(
      Month month, int day, TokenCursor in, int yearAt, int used) {
    Optional<Integer> year = DayText.year(in.word(yearAt).replace(",", ""));
    return DayText.onMonthDay(month, day, year)
        .map(ref -> new Taken<>(ref, used + (year.isPresent() ? 1 : 0)));
  }

  private static boolean readClocks(
      TokenCursor in, int used, DayRef day, ClockRun run, CommandDraft draft) {
    ClockText startText = run.end().map(run.start()::beforeEnd).orElse(run.start());
    Optional<TimeOfDay> start = startText.time();
    Optional<TimeOfDay> end = run.end().flatMap(ClockText::time);
    if (start.isEmpty() || run.end().isPresent() && end.isEmpty()) {
      draft.fail(Quoting.code(in.typed(used)) + " is not a time of day I can read. " + EXAMPLES);
      in.advance(used);
      return true;
    }
    Moment from = new Moment.Wall(day, start.get());
    TimeExpression time =
        end.isEmpty()
            ? new TimeExpression.At(from)
            : new TimeExpression.Between(from, new Moment.Wall(day, end.get()));
    return take(in, used, time, draft);
  }

  /** Returns the end of a range after a date-time: another date-time, or a time on the same day. */
  private static Optional<Taken<Moment>> momentAt(TokenCursor in, int at) {
    if (IsoText.looksLikeIso(in.word(at))) {
      return IsoText.parse(in.token(at).text()).map(m -> new Taken<>(m, 1));
    }
    return ClockRun.single(in, at)
        .filter(c -> c.start().complete())
        .flatMap(c -> c.start().time().map(t -> new Taken<>(wall(t), c.tokens())));
  }

  /** Returns the moment one word names: a date-time or a time of day. */
  private static Optional<Moment> moment(String text) {
    if (IsoText.looksLikeIso(text)) {
      return IsoText.parse(text);
    }
    return ClockText.parse(text.toLowerCase(Locale.ROOT))
        .filter(ClockText::complete)
        .flatMap(ClockText::time)
        .map(TimeExpressionReader::wall);
  }

  private static Moment wall(TimeOfDay time) {
    return new Moment.Wall(new DayRef.Unnamed(), time);
  }

  /** Returns the range, with an end that named no day put on the start's day. */
  private static TimeExpression between(Moment start, Moment end) {
    if (!(end instanceof Moment.Wall wallEnd) || !(wallEnd.day() instanceof DayRef.Unnamed)) {
      return new TimeExpression.Between(start, end);
    }
    if (start instanceof Moment.Wall wallStart) {
      return new TimeExpression.Between(start, new Moment.Wall(wallStart.day(), wallEnd.time()));
    }
    ZonedDateTime at = ((Moment.Fixed) start).at();
    return new TimeExpression.Between(start, new Moment.Fixed(at.with(wallEnd.time().time())));
  }

  private static boolean take(TokenCursor in, int tokens, TimeExpression time, CommandDraft draft) {
    draft.time(time, in.typed(tokens));
    in.advance(tokens);
    return true;
  }
}
