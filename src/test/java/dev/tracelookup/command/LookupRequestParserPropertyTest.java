package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.lookup.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever is typed, the parser answers with a value, and every window it returns can be searched.
 */
final class LookupRequestParserPropertyTest {
  private static final Instant NOW = Instant.parse("2026-02-06T20:00:00Z");
  private static final Duration MAX_WINDOW = Duration.ofHours(168);
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$");
  private static final List<String> VOCABULARY =
      List.of(
          "usr_1",
          "usr#1",
          "ann@example.com",
          "2:15pm",
          "2:15",
          "PM",
          "pm",
          "a.m.",
          "2pm",
          "2",
          "14:15",
          "14:15:30",
          "noon",
          "midnight",
          "2026-02-06",
          "2026-02-07",
          "2026-02-30",
          "0000-01-01",
          "9999-12-31",
          "2/6",
          "12/30",
          "2/30",
          "2026-02-06T14:15",
          "2026-02-06T14:17:23Z",
          "0000-01-01T00:00Z",
          "+999999999-12-31T23:59Z",
          "2026-02-06T14:00Z..2026-02-06T14:30Z",
          "14:00..",
          "..",
          "yesterday",
          "today",
          "now",
          "ago",
          "30m",
          "90",
          "min",
          "2h",
          "999999d",
          "1h30m",
          "-",
          "–",
          "to",
          "until",
          "14:00-14:30",
          "2pm-2:30pm",
          "11-1pm",
          "23:00-01:00",
          "25:00",
          "13pm",
          "tz",
          "tz=Europe/Paris",
          "zone",
          "America/New_York",
          "europe/paris",
          "UTC",
          "GMT",
          "Z",
          "GMT-5",
          "UTC+14",
          "UTC+19",
          "+02:00",
          "-05:00",
          "ET",
          "PT",
          "AEDT",
          "IST",
          "window",
          "window=200h",
          "±30m",
          "+-",
          "±",
          "168h",
          "0m",
          "service",
          "svc=checkout",
          "checkout",
          "action",
          "op",
          "\"POST /orders\"",
          "“",
          "errors",
          "--errors",
          "help",
          "<https://support.example.com/t/1|ticket>",
          "<mailto:a@b.c|a@b.c>",
          "<@U1>",
          "<",
          ">",
          "&amp;",
          "\u200b",
          "\u0000",
          "\n",
          "é",
          "😀",
          "`");

  private final LookupRequestParser parser =
      new LookupRequestParser(
          Clock.fixed(NOW, ZoneOffset.UTC),
          USER_ID,
          Duration.ofMinutes(15),
          Duration.ofHours(2),
          MAX_WINDOW);

  @Property(tries = 2_000)
  void parse_anyText_answersWithASearchableValue(
      @ForAll String text, @ForAll("zones") ZoneId zone) {
    ParseResult result = parser.parse(text, zone);

    assertSearchable(result);
  }

  @Property(tries = 5_000)
  void parse_tokenSoup_answersWithASearchableValue(
      @ForAll("soups") String text, @ForAll("zones") ZoneId zone) {
    ParseResult result = parser.parse(text, zone);

    Statistics.collect(result.getClass().getSimpleName());
    assertSearchable(result);
  }

  @Provide
  Arbitrary<String> soups() {
    Arbitrary<String> word =
        Arbitraries.oneOf(Arbitraries.of(VOCABULARY), Arbitraries.strings().ofMaxLength(6));
    Arbitrary<String> gap = Arbitraries.of(" ", "  ", "", "\t", "=", "-", "..");
    // Most soups start with a user ID, so that many get as far as the window checks.
    Arbitrary<String> start = Arbitraries.of("usr_1 ", "usr_1 ", "");
    Arbitrary<String> rest =
        Arbitraries.entries(word, gap)
            .list()
            .ofMaxSize(8)
            .map(
                pairs -> {
                  StringBuilder text = new StringBuilder();
                  pairs.forEach(pair -> text.append(pair.getKey()).append(pair.getValue()));
                  return text.toString();
                });
    return Combinators.combine(start, rest).as(String::concat);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(ZoneId.getAvailableZoneIds()).map(ZoneId::of).injectNull(0.05);
  }

  private static void assertSearchable(ParseResult result) {
    assertThat(result)
        .isInstanceOfAny(
            ParseResult.Parsed.class, ParseResult.HelpRequested.class, ParseResult.Invalid.class);
    if (result instanceof ParseResult.Invalid invalid) {
      assertThat(invalid.problem()).isNotBlank();
    }
    if (result instanceof ParseResult.Parsed parsed) {
      TimeWindow window = parsed.request().window();
      assertThat(window.from()).isBeforeOrEqualTo(window.to());
      assertThat(window.to()).isBeforeOrEqualTo(NOW);
      assertThat(window.length()).isLessThanOrEqualTo(MAX_WINDOW);
      assertThat(parsed.request().userId()).matches(USER_ID);
    }
  }
}
