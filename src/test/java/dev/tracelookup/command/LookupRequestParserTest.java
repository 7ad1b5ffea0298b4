package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The clock reads 2026-02-06T20:00:00Z: 15:00 in New York (EST), 21:00 in Paris, 12:00 in Los
 * Angeles.
 */
final class LookupRequestParserTest {
  static final Instant NOW = Instant.parse("2026-02-06T20:00:00Z");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ZoneId UTC = ZoneOffset.UTC;
  static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$");

  private final LookupRequestParser parser = parserAt(NOW);

  static LookupRequestParser parserAt(Instant now) {
    return new LookupRequestParser(
        Clock.fixed(now, UTC),
        USER_ID,
        Duration.ofMinutes(15),
        Duration.ofHours(2),
        Duration.ofHours(168));
  }

  static Stream<Arguments> windows() {
    return Stream.of(
        argumentSet(
            "12-hour time in the agent's zone", "usr_k8x9m2 2:15pm", NEW_YORK, "19:00", "19:30"),
        argumentSet("AM/PM written apart", "usr_k8x9m2 2:15 PM", NEW_YORK, "19:00", "19:30"),
        argumentSet("hour and AM/PM only", "usr_1 2pm", NEW_YORK, "18:45", "19:15"),
        argumentSet("24-hour time", "usr_1 14:15", UTC, "14:00", "14:30"),
        argumentSet("24-hour time with seconds", "usr_1 14:15:30", UTC, "14:00:30", "14:30:30"),
        argumentSet("date and time", "usr_1 2026-02-06 14:15", NEW_YORK, "19:00", "19:30"),
        argumentSet("ISO local date-time", "usr_1 2026-02-06T14:15", UTC, "14:00", "14:30"),
        argumentSet(
            "ISO instant ignores the agent's zone",
            "usr_1 2026-02-06T14:17:23Z",
            NEW_YORK,
            "14:02:23",
            "14:32:23"),
        argumentSet(
            "ISO instant with offset",
            "usr_1 2026-02-06T09:17:23-05:00",
            UTC,
            "14:02:23",
            "14:32:23"),
        argumentSet("US month/day", "usr_1 2/6 2:15pm", NEW_YORK, "19:00", "19:30"),
        argumentSet(
            "yesterday before the time",
            "usr_1 yesterday 3pm",
            NEW_YORK,
            "02-05 19:45",
            "02-05 20:15"),
        argumentSet(
            "yesterday after the time",
            "usr_1 3pm yesterday",
            NEW_YORK,
            "02-05 19:45",
            "02-05 20:15"),
        argumentSet("today", "usr_1 today 9:00", NEW_YORK, "13:45", "14:15"),
        argumentSet("minutes ago", "usr_1 30m ago", NEW_YORK, "19:15", "19:45"),
        argumentSet("hours ago", "usr_1 2h ago", NEW_YORK, "17:45", "18:15"),
        argumentSet("minutes ago in words", "usr_1 90 min ago", NEW_YORK, "18:15", "18:45"),
        argumentSet("now", "usr_1 now", NEW_YORK, "19:45", "20:00"),
        argumentSet("no time: the last 2 hours", "usr_1", NEW_YORK, "18:00", "20:00"),
        argumentSet("a past day, whole", "usr_1 2026-02-05", NEW_YORK, "02-05 05:00", "05:00"),
        argumentSet("today's date, up to now", "usr_1 2026-02-06", NEW_YORK, "05:00", "20:00"),
        argumentSet("yesterday, whole", "usr_1 yesterday", UTC, "02-05 00:00", "00:00"),
        argumentSet("24-hour range", "usr_1 14:00-14:30", UTC, "14:00", "14:30"),
        argumentSet("12-hour range", "usr_1 2pm-2:30pm", NEW_YORK, "19:00", "19:30"),
        argumentSet("range in words", "usr_1 14:00 to 14:30", UTC, "14:00", "14:30"),
        argumentSet(
            "range with spaced dash", "usr_1 2:00 pm - 2:30 pm", NEW_YORK, "19:00", "19:30"),
        argumentSet("range on a date", "usr_1 2026-02-06 14:00-14:30", NEW_YORK, "19:00", "19:30"),
        argumentSet(
            "ISO range", "usr_1 2026-02-06T14:00Z..2026-02-06T14:30Z", NEW_YORK, "14:00", "14:30"),
        argumentSet(
            "ISO start, time end", "usr_1 2026-02-06T14:00Z to 14:30", NEW_YORK, "14:00", "14:30"),
        argumentSet("range start takes the end's PM", "usr_1 2-2:30pm", NEW_YORK, "19:00", "19:30"),
        argumentSet("range start before noon", "usr_1 11-1pm", NEW_YORK, "16:00", "18:00"),
        argumentSet("tz keyword", "usr_1 2:15pm tz America/New_York", UTC, "19:00", "19:30"),
        argumentSet("tz= form", "usr_1 2:15pm tz=Europe/Paris", NEW_YORK, "13:00", "13:30"),
        argumentSet(
            "bare IANA zone, any case", "usr_1 2:15pm europe/paris", NEW_YORK, "13:00", "13:30"),
        argumentSet("zone before the time", "usr_1 UTC 14:15", NEW_YORK, "14:00", "14:30"),
        argumentSet("GMT", "usr_1 14:15 GMT", NEW_YORK, "14:00", "14:30"),
        argumentSet("Z", "usr_1 14:15 Z", NEW_YORK, "14:00", "14:30"),
        argumentSet("offset", "usr_1 14:15 +02:00", NEW_YORK, "12:00", "12:30"),
        argumentSet("UTC+2", "usr_1 14:15 UTC+2", NEW_YORK, "12:00", "12:30"),
        argumentSet("GMT-5", "usr_1 14:15 GMT-5", UTC, "19:00", "19:30"),
        argumentSet("ET", "usr_1 2:15pm ET", UTC, "19:00", "19:30"),
        argumentSet(
            "EDT in winter still means New York time", "usr_1 2:15pm EDT", UTC, "19:00", "19:30"),
        argumentSet("CT", "usr_1 1:15pm CT", UTC, "19:00", "19:30"),
        argumentSet("MST", "usr_1 12:15pm mst", UTC, "19:00", "19:30"),
        argumentSet("CET", "usr_1 20:15 CET", UTC, "19:00", "19:30"),
        argumentSet("IST", "usr_1 2026-02-06 17:45 IST", UTC, "12:00", "12:30"),
        argumentSet("JST", "usr_1 2026-02-06 10:00 JST", UTC, "00:45", "01:15"),
        argumentSet("AEDT", "usr_1 2026-02-06 11:00 AEDT", UTC, "02-05 23:45", "00:15"),
        argumentSet(
            "PT time still ahead there means yesterday",
            "usr_1 2:15pm PT",
            UTC,
            "02-05 22:00",
            "02-05 22:30"),
        argumentSet(
            "time still ahead today means yesterday",
            "usr_1 4pm",
            NEW_YORK,
            "02-05 20:45",
            "02-05 21:15"),
        argumentSet(
            "range still ahead today means yesterday",
            "usr_1 16:00-16:30",
            NEW_YORK,
            "02-05 21:00",
            "02-05 21:30"),
        argumentSet(
            "time just ahead is clipped to now", "usr_1 3:10pm", NEW_YORK, "19:55", "20:00"),
        argumentSet(
            "window running past now is clipped", "usr_1 2:50pm", NEW_YORK, "19:35", "20:00"),
        argumentSet(
            "range running past now is clipped", "usr_1 14:00-16:00", NEW_YORK, "19:00", "20:00"),
        argumentSet("window option", "usr_1 2:15pm window 30m", NEW_YORK, "18:45", "19:45"),
        argumentSet("window= option", "usr_1 2:15pm window=1h", NEW_YORK, "18:15", "20:00"),
        argumentSet("± option", "usr_1 14:15 ±30m", UTC, "13:45", "14:45"),
        argumentSet("+- option", "usr_1 14:15 +-30m", UTC, "13:45", "14:45"),
        argumentSet("window in words", "usr_1 14:15 window 5 minutes", UTC, "14:10", "14:20"),
        argumentSet(
            "window without a time: how far back", "usr_1 window 30m", UTC, "19:30", "20:00"),
        argumentSet("noon", "usr_1 noon", UTC, "11:45", "12:15"),
        argumentSet("user ID after the time", "2:15pm usr_1", NEW_YORK, "19:00", "19:30"),
        argumentSet(
            "filler words",
            "for usr_1 at around 2:15pm in Europe/Paris",
            NEW_YORK,
            "13:00",
            "13:30"),
        argumentSet(
            "between ... and ...", "usr_1 between 2pm and 2:30pm", NEW_YORK, "19:00", "19:30"),
        argumentSet(
            "e-mail as Slack sends it",
            "<mailto:ann@example.com|ann@example.com> 14:15",
            UTC,
            "14:00",
            "14:30"));
  }

  @ParameterizedTest
  @MethodSource("windows")
  void parse_timePhrase_searchesExpectedWindow(
      String text, ZoneId agentZone, String from, String to) {
    LookupRequest request = parsed(text, agentZone);

    assertThat(request.window().from()).isEqualTo(at(from));
    assertThat(request.window().to()).isEqualTo(at(to));
  }

  static Stream<Arguments> bases() {
    return Stream.of(
        argumentSet("point", "usr_1 2:15pm", NEW_YORK, "2:15 PM America/New_York ±15 min"),
        argumentSet("nothing", "usr_1", NEW_YORK, "the last 2 hours"),
        argumentSet("24-hour range", "usr_1 14:00-14:30", UTC, "14:00–14:30 UTC"),
        argumentSet(
            "yesterday in a named zone",
            "usr_1 2:15pm yesterday tz Europe/Paris",
            NEW_YORK,
            "2:15 PM yesterday (Europe/Paris) ±15 min"),
        argumentSet("dated", "usr_1 2026-02-05 14:15", UTC, "14:15 on 2026-02-05 (UTC) ±15 min"),
        argumentSet(
            "rolled to yesterday",
            "usr_1 4pm",
            NEW_YORK,
            "4:00 PM yesterday (America/New_York) ±15 min, as today's is still ahead"),
        argumentSet(
            "clipped", "usr_1 2:50pm", NEW_YORK, "2:50 PM America/New_York ±15 min, up to now"),
        argumentSet(
            "ISO range",
            "usr_1 2026-02-06T14:00Z..2026-02-06T14:30Z",
            NEW_YORK,
            "2026-02-06 14:00–14:30 UTC"),
        argumentSet(
            "ISO range over midnight",
            "usr_1 2026-02-05T23:30Z..2026-02-06T00:30Z",
            UTC,
            "2026-02-05 23:30–2026-02-06 00:30 UTC"),
        argumentSet(
            "instant", "usr_1 2026-02-06T14:17:23Z", NEW_YORK, "2026-02-06 14:17:23 UTC ±15 min"),
        argumentSet("ago", "usr_1 90 min ago", NEW_YORK, "1 h 30 min ago ±15 min"),
        argumentSet(
            "whole day", "usr_1 2026-02-05", NEW_YORK, "all of 2026-02-05 America/New_York"),
        argumentSet("offset zone", "usr_1 14:15 UTC+2", NEW_YORK, "14:15 UTC+02:00 ±15 min"));
  }

  @ParameterizedTest
  @MethodSource("bases")
  void parse_timePhrase_explainsHowItWasRead(String text, ZoneId agentZone, String basis) {
    LookupRequest request = parsed(text, agentZone);

    assertThat(request.window().basis()).isEqualTo(basis);
  }

  @Test
  void parse_pointInTime_remembersTheMomentTheCustomerNamed() {
    LookupRequest request = parsed("usr_1 2026-02-06 14:15 UTC", NEW_YORK);

    assertThat(request.window().stated()).contains(Instant.parse("2026-02-06T14:15:00Z"));
    assertThat(request.window().anchor()).isEqualTo(Instant.parse("2026-02-06T14:15:00Z"));
  }

  @Test
  void parse_range_namesNoMomentAndRanksFromItsEnd() {
    LookupRequest request = parsed("usr_1 2026-02-06 14:00-14:30 UTC", NEW_YORK);

    assertThat(request.window().stated()).isEmpty();
    assertThat(request.window().anchor()).isEqualTo(Instant.parse("2026-02-06T14:30:00Z"));
  }

  @Test
  void parse_namedZone_isTheWindowZone() {
    LookupRequest request = parsed("usr_1 2:15pm tz Europe/Paris", NEW_YORK);

    assertThat(request.window().zone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void parse_noZoneNamed_usesTheAgentZone() {
    LookupRequest request = parsed("usr_1 2:15pm", NEW_YORK);

    assertThat(request.window().zone()).isEqualTo(NEW_YORK);
  }

  @Test
  void parse_nullAgentZone_readsUtc() {
    LookupRequest request = parsed("usr_1 14:15", null);

    assertThat(request.window().from()).isEqualTo(at("14:00"));
  }

  static Stream<Arguments> daylightSaving() {
    return Stream.of(
        argumentSet(
            "range over the spring-forward hour is one hour long",
            "usr_1 2026-03-08 1:30am-3:30am",
            "2026-03-08T06:30:00Z",
            "2026-03-08T07:30:00Z"),
        argumentSet(
            "spring-forward day is 23 hours long",
            "usr_1 2026-03-08",
            "2026-03-08T05:00:00Z",
            "2026-03-09T04:00:00Z"),
        argumentSet(
            "time in the gap moves forward with the clocks",
            "usr_1 2026-03-08 2:30am",
            "2026-03-08T07:15:00Z",
            "2026-03-08T07:45:00Z"),
        argumentSet(
            "EST after the change still means New York time",
            "usr_1 yesterday 9am EST",
            "2026-03-08T12:45:00Z",
            "2026-03-08T13:15:00Z"));
  }

  @ParameterizedTest
  @MethodSource("daylightSaving")
  void parse_daylightSavingDay_followsTheClocks(String text, String from, String to) {
    LookupRequestParser dayAfterChange = parserAt(Instant.parse("2026-03-09T12:00:00Z"));

    ParseResult result = dayAfterChange.parse(text, NEW_YORK);

    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    TimeWindow window = ((ParseResult.Parsed) result).request().window();
    assertThat(window.from()).isEqualTo(Instant.parse(from));
    assertThat(window.to()).isEqualTo(Instant.parse(to));
  }

  static Stream<Arguments> options() {
    return Stream.of(
        argumentSet(
            "service", "usr_1 service checkout", Optional.of("checkout"), Optional.empty(), false),
        argumentSet(
            "service=", "usr_1 service=checkout", Optional.of("checkout"), Optional.empty(), false),
        argumentSet("svc", "usr_1 svc checkout", Optional.of("checkout"), Optional.empty(), false),
        argumentSet(
            "action",
            "usr_1 action checkout.place_order",
            Optional.empty(),
            Optional.of("checkout.place_order"),
            false),
        argumentSet("span", "usr_1 span charge", Optional.empty(), Optional.of("charge"), false),
        argumentSet("op", "usr_1 op charge", Optional.empty(), Optional.of("charge"), false),
        argumentSet(
            "quoted action",
            "usr_1 action \"POST /api/v1/orders\"",
            Optional.empty(),
            Optional.of("POST /api/v1/orders"),
            false),
        argumentSet(
            "curly-quoted action",
            "usr_1 action “POST /api/v1/orders”",
            Optional.empty(),
            Optional.of("POST /api/v1/orders"),
            false),
        argumentSet("errors", "usr_1 errors", Optional.empty(), Optional.empty(), true),
        argumentSet("errors-only", "usr_1 errors-only", Optional.empty(), Optional.empty(), true),
        argumentSet("--errors", "usr_1 --errors", Optional.empty(), Optional.empty(), true),
        argumentSet(
            "all together",
            "usr_1 yesterday 3pm service checkout errors span charge",
            Optional.of("checkout"),
            Optional.of("charge"),
            true));
  }

  @ParameterizedTest
  @MethodSource("options")
  void parse_options_setFilters(
      String text, Optional<String> service, Optional<String> spanName, boolean errors) {
    LookupRequest request = parsed(text, UTC);

    assertThat(request.userId()).isEqualTo("usr_1");
    assertThat(request.service()).isEqualTo(service);
    assertThat(request.spanName()).isEqualTo(spanName);
    assertThat(request.errorsOnly()).isEqualTo(errors);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "help", "HELP", "?", "-h", "--help", "usr_1 help"})
  void parse_helpOrNothing_requestsHelp(String text) {
    ParseResult result = parser.parse(text, NEW_YORK);

    assertThat(result).isInstanceOf(ParseResult.HelpRequested.class);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        argumentSet(
            "bad user ID",
            "usr#1 2pm",
            "`usr#1` is not a user ID (`#` cannot be in one). User IDs use "
                + "letters, digits and `_ . : @ + -`, up to 128 characters"),
        argumentSet(
            "ticket link from Slack",
            "<https://support.example.com/tickets/123|#123> 2pm",
            "The slash command needs the customer's user ID"),
        argumentSet(
            "bare link",
            "https://support.example.com/tickets/123",
            "use the *Find traces* shortcut"),
        argumentSet("Slack mention", "<@U123ABC> 2pm", "`@U123ABC` is someone in Slack"),
        argumentSet("unknown words", "usr_1 2pm foo bar", "I did not understand `foo`, `bar`"),
        argumentSet("no user ID", "2pm", "Which customer?"),
        argumentSet("hour out of range", "usr_1 25:00", "`25:00` is not a time of day"),
        argumentSet("13pm", "usr_1 13pm", "`13pm` is not a time of day"),
        argumentSet("no such day", "usr_1 2026-02-30", "There is no day `2026-02-30`"),
        argumentSet(
            "bad ISO date-time",
            "usr_1 2026-02-30T14:00",
            "`2026-02-30T14:00` is not a date and time"),
        argumentSet("bad range", "usr_1 2026-02-06T14:00Z..later", "I could not read the range"),
        argumentSet(
            "unknown zone",
            "usr_1 2pm tz Mars/Olympus",
            "I don't know the time zone `Mars/Olympus`"),
        argumentSet("tz without zone", "usr_1 2pm tz", "`tz` needs a time zone"),
        argumentSet("two zones", "usr_1 2pm tz UTC ET", "Two time zones"),
        argumentSet("two times", "usr_1 2pm 3pm", "Two times: `2pm` and `3pm`"),
        argumentSet("service without name", "usr_1 service", "`service` needs a name"),
        argumentSet(
            "action with a link", "usr_1 action <https://x.example>", "`action` needs a name"),
        argumentSet("window without length", "usr_1 2pm window", "The window needs a length"),
        argumentSet("zero window", "usr_1 2pm window 0m", "The window needs a length"),
        argumentSet("two windows", "usr_1 2pm window 5m ±10m", "The window is given twice"),
        argumentSet("window too wide", "usr_1 2pm window 200h", "±200 hours is wider than"),
        argumentSet(
            "window with a range", "usr_1 14:00-14:30 window 1h", "already says where to look"),
        argumentSet("day ahead", "usr_1 2026-02-07", "That time is still ahead"),
        argumentSet("today's time ahead", "usr_1 today 9pm", "That time is still ahead"),
        argumentSet("instant ahead", "usr_1 2026-02-06T21:00Z", "That time is still ahead"),
        argumentSet("range backwards", "usr_1 14:30-14:00", "The range ends"),
        argumentSet("empty range", "usr_1 14:00-14:00", "The range ends"),
        argumentSet(
            "range too long",
            "usr_1 2026-01-01T00:00Z..2026-02-01T00:00Z",
            "That is 31 days to search, more than the 7 days"),
        argumentSet("widened window too long", "usr_1 30m ago window 168h", "more than the 7 days"),
        argumentSet("huge text", "usr_1 " + "x".repeat(3_000), "too long"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void parse_unreadableText_saysWhatIsWrong(String text, String problem) {
    ParseResult result = parser.parse(text, NEW_YORK);

    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    assertThat(((ParseResult.Invalid) result).problem()).contains(problem);
  }

  /**
   * Many words left over after the user ID and time used to be refused ("I did not understand
   * `the`, `customer` …"); issue #15 asks that pasted prose around an ID be read past, so they now
   * are, and the options typed before them are kept. A word or two left over is still a typo.
   */
  @Test
  void parse_proseAfterTheCommand_readPastKeepingTheOptions() {
    LookupRequest request =
        parsed("usr_1 2:15pm service checkout errors the customer says it broke", NEW_YORK);

    assertThat(request.userId()).isEqualTo("usr_1");
    assertThat(request.window().from()).isEqualTo(at("19:00"));
    assertThat(request.service()).contains("checkout");
    assertThat(request.errorsOnly()).isTrue();
  }

  @Test
  void parse_invalid_quotesWhatWasUnderstood() {
    ParseResult result = parser.parse("usr_1 2:15pm service checkout errors foo", NEW_YORK);

    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    assertThat(((ParseResult.Invalid) result).understood())
        .isEqualTo("user usr_1, time 2:15pm, service checkout, errors only");
  }

  private LookupRequest parsed(String text, ZoneId agentZone) {
    ParseResult result = parser.parse(text, agentZone);
    assertThat(result).as("result of %s", text).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).request();
  }

  /** Returns the instant for "14:00" (on 2026-02-06 UTC), "02-05 14:00" or "14:00:30". */
  private static Instant at(String time) {
    String dated = time.contains(" ") ? "2026-" + time.replace(' ', 'T') : "2026-02-06T" + time;
    return Instant.parse(dated.length() == 16 ? dated + ":00Z" : dated + "Z");
  }
}
