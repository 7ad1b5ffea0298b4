package dev.tracelookup.tickets;

import dev.tracelookup.time.DayRef;
import dev.tracelookup.time.DayText;
import dev.tracelookup.time.Meridiem;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day and part of day named in the words around a time: {@code yesterday}, {@code last night},
 * {@code this morning}, {@code on Tuesday}, {@code 2026-02-06}.
 *
 * @param start where the day words begin, or the time's own start when there are none
 * @param end where they end
 */
record DayMention(Optional<DayRef> day, Meridiem partOfDay, int start, int end) {
  private static final Pattern DAY =
      Pattern.compile(
          "\\b(day before yesterday|yesterday|today|tonight|last night|this"
              + " (?:morning|afternoon|evening)|(?:last |on"
              + " )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
              + "|\\d{4}-\\d{2}-\\d{2})\\b");
  private static final Pattern PART =
      Pattern.compile("\\b(morning|afternoon|evening|night|tonight)\\b");
  private static final Pattern CLAUSE_END = Pattern.compile("[!?;\\n]|\\.\\s");
  private static final int REACH = 40;

  /** Returns the day words in the same clause as the text between start and end, within reach. */
  static DayMention around(String lower, int start, int end) {
    int from = clauseStart(lower, start);
    int to = clauseEnd(lower, end);
    Matcher day = DAY.matcher(lower).region(from, to);
    Optional<DayRef> named = Optional.empty();
    int dayStart = start;
    int dayEnd = end;
    if (day.find()) {
      named = DayText.parsePhrase(day.group(1));
      dayStart = Math.min(start, day.start());
      dayEnd = Math.max(end, day.end());
    }
    Matcher part = PART.matcher(lower).region(from, to);
    Meridiem half = part.find() ? Meridiem.ofPartOfDay(part.group(1)) : Meridiem.NONE;
    return new DayMention(named, half, dayStart, dayEnd);
  }

  private static int clauseStart(String lower, int start) {
    int from = Math.max(0, start - REACH);
    Matcher end = CLAUSE_END.matcher(lower).region(from, start);
    int clause = from;
    while (end.find()) {
      clause = end.end();
    }
    return clause;
  }

  private static int clauseEnd(String lower, int end) {
    int to = Math.min(lower.length(), end + REACH);
    Matcher clause = CLAUSE_END.matcher(lower).region(end, to);
    return clause.find() ? clause.start() : to;
  }
}
