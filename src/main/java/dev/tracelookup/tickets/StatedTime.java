package dev.tracelookup.tickets;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of the issue stated in free text ("at 2:15 PM", "around 14:15 yesterday", "this morning at
 * 9"), read in the requester's zone relative to when they wrote (the ticket's creation).
 *
 * <p>Conservative by design: a wrong time sends the agent to the wrong traces, while a missed one
 * only widens the window. Numbers count as times only when written plainly as times.
 *
 * @param phrase the words it was read from, as written, for showing the agent
 */
record StatedTime(Instant at, String phrase) {
  private static final Pattern MARKUP = Pattern.compile("<[^<>]*>|(?i:https?)://\\S+|&nbsp;");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "\\b(\\d{4}-\\d{2}-\\d{2})[t ](\\d{2}:\\d{2}(?::\\d{2})?)(?:\\.\\d{1,9})?"
              + "\\s?(z\\b|utc\\b|gmt\\b|[+-]\\d{2}:?\\d{2}\\b)?");

  /** "At 11 PM" in a ticket filed at 00:30 means the evening before. */
  private static final Duration FUTURE_SLACK = Duration.ofMinutes(10);

  private static final int MAX_PHRASE = 60;

  /** Returns the first time plainly stated in the text, if any. */
  static Optional<StatedTime> find(String text, Instant reference, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String plain = MARKUP.matcher(text).replaceAll(" ");
    String lower = lowerKeepingLength(plain);
    Optional<Located> literal = dateTimeLiteral(plain, lower, zone);
    for (ClockMention mention : ClockMention.scan(lower)) {
      if (literal.isPresent() && literal.get().start() <= mention.start()) {
        break;
      }
      Optional<StatedTime> read = read(mention, plain, lower, reference, zone);
      if (read.isPresent()) {
        return read;
      }
    }
    return literal.map(Located::time);
  }

  /** A stated time and where in the text it begins. */
  private record Located(int start, StatedTime time) {}

  private static Optional<StatedTime> read(
      ClockMention mention, String plain, String lower, Instant reference, ZoneId zone) {
    DayMention day = DayMention.around(lower, mention.start(), mention.end());
    Optional<LocalTime> time = mention.time(day.partOfDay());
    if (time.isEmpty()) {
      return Optional.empty();
    }
    ZoneId readIn = mention.utc() ? ZoneOffset.UTC : zone;
    LocalDate referenceDay = reference.atZone(readIn).toLocalDate();
    LocalDate on = day.day().map(named -> named.on(referenceDay)).orElse(referenceDay);
    Instant at = ZonedDateTime.of(on, time.get(), readIn).toInstant();
    if (day.day().isEmpty() && at.isAfter(reference.plus(FUTURE_SLACK))) {
      at = ZonedDateTime.of(on.minusDays(1), time.get(), readIn).toInstant();
    }
    return Optional.of(new StatedTime(at, phrase(plain, mention, day)));
  }

  private static Optional<Located> dateTimeLiteral(String plain, String lower, ZoneId zone) {
    Matcher literal = DATE_TIME.matcher(lower);
    while (literal.find()) {
      try {
        LocalDateTime local =
            LocalDateTime.of(LocalDate.parse(literal.group(1)), LocalTime.parse(literal.group(2)));
        ZoneId readIn = literal.group(3) == null ? zone : offset(literal.group(3));
        return Optional.of(
            new Located(
                literal.start(),
                new StatedTime(
                    local.atZone(readIn).toInstant(),
                    plain.substring(literal.start(), literal.end()).trim())));
      } catch (DateTimeException noSuchTime) {
        // "2026-02-30 25:00" is a typo, not a time; look for another.
      }
    }
    return Optional.empty();
  }

  private static ZoneId offset(String written) {
    if (written.equals("z") || written.equals("utc") || written.equals("gmt")) {
      return ZoneOffset.UTC;
    }
    return ZoneOffset.of(
        written.length() == 5 ? written.substring(0, 3) + ":" + written.substring(3) : written);
  }

  private static String phrase(String plain, ClockMention mention, DayMention day) {
    boolean withDay = day.end() - day.start() <= MAX_PHRASE;
    int start = withDay ? day.start() : mention.start();
    int end = withDay ? day.end() : mention.end();
    return plain.substring(start, end).trim().replaceAll("\\s+", " ");
  }

  /** Lower-cases char by char, so positions found in the lower-case text fit the original. */
  private static String lowerKeepingLength(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(chars[i]);
    }
    return new String(chars);
  }
}
