package dev.tracelookup.command;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.time.DayRef;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns what {@link PastedText} read into the answer: the request when the prose named one customer
 * and at most one time; otherwise what was understood, with the lookup form's values guessed, so
 * the agent confirms instead of retyping.
 */
final class ProseAnswer {
  private final WindowResolver windows;
  private final ZoneId agentZone;

  ProseAnswer(WindowResolver windows, ZoneId agentZone) {
    this.windows = windows;
    this.agentZone = agentZone;
  }

  /**
   * Returns the answer.
   *
   * @param command the text read as a command, whose problem is the one to show when the prose
   *     names no customer either: it is the more precise ("`usr#1` is not a user ID")
   */
  ParseResult answer(PastedText.Reading reading, CommandDraft command) {
    List<PastedText.Timed> times = distinct(withDay(reading.times()));
    List<PastedText.Timed> cued = times.stream().filter(PastedText.Timed::cued).toList();
    Optional<PastedText.Timed> time =
        times.size() == 1
            ? Optional.of(times.get(0))
            : cued.size() == 1 ? Optional.of(cued.get(0)) : Optional.empty();
    Optional<PastedText.Timed> likely = time.or(() -> times.stream().findFirst());
    List<String> ids = reading.userIds();
    CommandDraft draft = new CommandDraft();
    draft.optionsFrom(command);
    reading.zone().ifPresent(z -> draft.zone(z.zone(), z.typed()));
    likely.ifPresent(t -> draft.time(t.time(), t.typed()));
    if (ids.size() == 1) {
      draft.userId(ids.get(0));
    }
    ParseResult.Guess guess =
        new ParseResult.Guess(
            ids.isEmpty() ? "" : ids.get(0),
            likely.map(PastedText.Timed::typed).orElse(""),
            draft.zone());
    if (reading.problem().isPresent()) {
      return unsure(reading.problem().get(), understood(draft, ids), guess);
    }
    if (ids.isEmpty()) {
      String problem = command.problem().orElse(UserIdReader.NOT_AN_ID);
      return likely.isPresent()
          ? unsure(problem, understood(draft, ids), guess)
          : new ParseResult.Invalid(problem, understood(draft, ids));
    }
    if (ids.size() > 1) {
      return unsure(
          "More than one thing here could be the customer's user ID: "
              + ids.stream().limit(3).map(Quoting::code).collect(Collectors.joining(" or "))
              + ". Check it in the form, or give it first: `/trace-lookup "
              + Quoting.plain(ids.get(0))
              + " 2:15pm`.",
          understood(draft, ids),
          guess);
    }
    if (times.size() > 1 && time.isEmpty()) {
      return unsure(
          "Two times: "
              + Quoting.code(times.get(0).typed())
              + " and "
              + Quoting.code(times.get(1).typed())
              + ". Check the time in the form, or give one, e.g. `at 2:15pm`.",
          understood(draft, ids),
          guess);
    }
    Optional<TimeWindow> window = windows.resolve(draft, agentZone);
    Optional<LookupRequest> request = window.flatMap(draft::request);
    if (request.isPresent()) {
      return new ParseResult.Parsed(request.get());
    }
    return unsure(draft.problem().orElse(UserIdReader.NOT_AN_ID), draft.understood(), guess);
  }

  private static ParseResult unsure(String problem, String understood, ParseResult.Guess guess) {
    return new ParseResult.Invalid(problem, understood, Optional.of(guess));
  }

  /** Returns "user usr_1 or usr_2, time 2:15pm, zone UTC". */
  private static String understood(CommandDraft draft, List<String> ids) {
    String said = draft.understood();
    if (ids.size() < 2) {
      return said;
    }
    String users =
        "user " + ids.stream().limit(3).map(Quoting::plain).collect(Collectors.joining(" or "));
    return said.isEmpty() ? users : users + ", " + said;
  }

  /**
   * Returns the times with a day written apart from its time put together: "On Feb 6 … at 2:15pm"
   * is one time, 2:15 PM on February 6.
   */
  private static List<PastedText.Timed> withDay(List<PastedText.Timed> times) {
    List<PastedText.Timed> days =
        times.stream().filter(t -> t.time() instanceof TimeExpression.WholeDay).toList();
    boolean clocks = times.stream().anyMatch(ProseAnswer::unnamedDay);
    if (days.stream().map(PastedText.Timed::time).distinct().count() != 1 || !clocks) {
      return times;
    }
    DayRef day = ((TimeExpression.WholeDay) days.get(0).time()).day();
    String dayTyped = days.get(0).typed();
    List<PastedText.Timed> merged = new ArrayList<>();
    for (PastedText.Timed time : times) {
      if (unnamedDay(time)) {
        merged.add(
            new PastedText.Timed(
                onDay(time.time(), day), dayTyped + " " + time.typed(), time.cued()));
      } else if (!(time.time() instanceof TimeExpression.WholeDay)) {
        merged.add(time);
      }
    }
    return merged;
  }

  private static boolean unnamedDay(PastedText.Timed timed) {
    TimeExpression time = timed.time();
    if (time instanceof TimeExpression.At at) {
      return unnamed(at.moment());
    }
    return time instanceof TimeExpression.Between between && unnamed(between.start());
  }

  private static boolean unnamed(Moment moment) {
    return moment instanceof Moment.Wall wall && wall.day() instanceof DayRef.Unnamed;
  }

  private static TimeExpression onDay(TimeExpression time, DayRef day) {
    if (time instanceof TimeExpression.At at) {
      return new TimeExpression.At(onDay(at.moment(), day));
    }
    TimeExpression.Between between = (TimeExpression.Between) time;
    return new TimeExpression.Between(onDay(between.start(), day), onDay(between.end(), day));
  }

  private static Moment onDay(Moment moment, DayRef day) {
    return moment instanceof Moment.Wall wall && wall.day() instanceof DayRef.Unnamed
        ? new Moment.Wall(day, wall.time())
        : moment;
  }

  /** Returns the times, each once: a ticket often repeats the time it states. */
  private static List<PastedText.Timed> distinct(List<PastedText.Timed> times) {
    List<PastedText.Timed> once = new ArrayList<>();
    for (PastedText.Timed time : times) {
      if (once.stream().noneMatch(t -> t.time().equals(time.time()))) {
        once.add(time);
      } else if (time.cued()) {
        once.replaceAll(t -> t.time().equals(time.time()) ? time : t);
      }
    }
    return once;
  }
}
