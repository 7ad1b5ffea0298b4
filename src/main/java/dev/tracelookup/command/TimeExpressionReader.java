package dev.tracelookup.command;

import dev.tracelookup.time.ClockText;
import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.DayText;
import dev.tracelookup.time.DurationText;
import dev.tracelookup.time.TimeOfDay;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the time as people write it: {@code now}, {@code 30m ago}, {@code 2:15pm}, {@code 2:15 PM},
 * {@code yesterday 3pm}, {@code 3pm yesterday}, {@code 2026-02-06 14:15}, ISO-8601 date-times, a
 * day alone, and ranges ({@code 14:00-14:30}, {@code 2pm to 2:30pm}, {@code <iso>..<iso>}).
 */
final class TimeExpressionReader implements ClauseReader {
  private static final String EXAMPLES =
      "Write it like `2:15pm`, `14:15`, `yesterday 3pm` or `14:00-14:30`.";

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

  private static boolean readDayAndClock(TokenCursor in, CommandDraft draft) {
    Optional<DayRef> day = DayText.parse(in.word(0));
    if (day.isEmpty() && DayText.looksLikeDate(in.word(0))) {
      draft.fail(
          "There is no day "
              + Quoting.code(in.token(0).text())
              + ". Write dates like `2026-02-06`.");
      in.advance(1);
      return true;
    }
    int used = day.isPresent() ? 1 : 0;
    Optional<ClockRun> clocks = ClockRun.at(in, used);
    if (clocks.isEmpty() && day.isEmpty()) {
      return false;
    }
    if (clocks.isEmpty()) {
      return take(in, used, new TimeExpression.WholeDay(day.get()), draft);
    }
    used += clocks.get().tokens();
    if (day.isEmpty()) {
      day = DayText.parse(in.word(used));
      used += day.isPresent() ? 1 : 0;
    }
    return readClocks(in, used, day.orElse(new DayRef.Unnamed()), clocks.get(), draft);
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
