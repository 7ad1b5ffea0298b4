package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;

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
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile command texts: valid commands with every time form, mutated with unicode, control
 * characters, quotes, backticks and Slack's escaped mentions and links; and long adversarial texts
 * built to make a backtracking regex take forever. Every one gets a value quickly, and a refusal
 * says what is wrong.
 */
final class LookupRequestParserHostileInputTest {
  private static final Instant NOW = Instant.parse("2026-02-06T20:00:00Z");
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$");

  /**
   * Far above what the parser needs (about a millisecond), far below what a backtracking regex
   * would take on these texts, and loose enough for a loaded build machine.
   */
  private static final Duration QUICK = Duration.ofSeconds(2);

  private static final List<String> COMMANDS =
      List.of(
          "usr_k8x9m2 2:15pm",
          "usr_k8x9m2 2:15 PM Europe/Paris",
          "usr_k8x9m2 14:15:30 UTC+2",
          "usr_k8x9m2 yesterday 2pm",
          "usr_k8x9m2 2026-02-06T14:17:23Z",
          "usr_k8x9m2 2026-02-06 14:15 tz=America/New_York",
          "usr_k8x9m2 2/6 2:15pm ET",
          "usr_k8x9m2 30m ago",
          "usr_k8x9m2 2pm-2:30pm",
          "usr_k8x9m2 14:00..14:30",
          "usr_k8x9m2 11-1pm window=2h",
          "usr_k8x9m2 2026-02-06T14:00Z..2026-02-06T14:30Z",
          "usr_k8x9m2 noon ±30m service checkout errors",
          "usr_k8x9m2 now svc=checkout action \"POST /orders\"",
          "usr_k8x9m2 today 9:05 a.m. zone Asia/Kolkata",
          "usr_k8x9m2 1h30m ago --errors",
          "usr_k8x9m2 midnight GMT-5 op `charge`");
  private static final List<String> INSERTS =
      List.of(
          "<@U0AGENT>",
          "<@U0AGENT|ann>",
          "<mailto:ann@example.com|ann@example.com>",
          "<https://acme.zendesk.com/t/1|t>",
          "<#C0SUPPORT|support>",
          "<!here>",
          "&lt;",
          "&amp;",
          "\"",
          "“",
          "”",
          "'",
          "`",
          "```",
          "\u0000",
          "\u0007",
          "\r\n",
          "\t",
          "\u200b",
          "\u202e",
          "\ufeff",
          "é",
          "😀",
          "\ud800",
          "日本",
          "=",
          "..",
          "-",
          "–",
          "±",
          ":",
          "/",
          "T",
          "Z",
          " usr_other ",
          " 99:99 ",
          " 2026-13-45 ",
          " tz= ",
          " window=9999999d ");

  private final LookupRequestParser parser =
      new LookupRequestParser(
          Clock.fixed(NOW, ZoneOffset.UTC),
          USER_ID,
          Duration.ofMinutes(15),
          Duration.ofHours(2),
          Duration.ofHours(168));

  @Property(tries = 500)
  void parse_mutatedRealCommand_answersQuicklyAndSaysWhatIsWrong(
      @ForAll("mutatedCommands") String text) {
    ParseResult result = timed(text);

    Statistics.collect(result.getClass().getSimpleName());
    assertAnswered(result);
  }

  @Property(tries = 200)
  void parse_longAdversarialText_answersQuickly(@ForAll("adversarialTexts") String text) {
    ParseResult result = timed(text);

    assertAnswered(result);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void parse_validUserIdThenGarbledTime_namesTheUserIdItUnderstood(
      @ForAll("garbledTimes") String time) {
    ParseResult result = parser.parse("usr_k8x9m2 " + time, ZoneOffset.UTC);

    if (result instanceof ParseResult.Invalid invalid) {
      assertThat(invalid.understood() + " " + invalid.problem()).contains("usr_k8x9m2");
    }
  }

  @Provide
  Arbitrary<String> mutatedCommands() {
    Arbitrary<String> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 80),
                Arbitraries.of(INSERTS),
                Arbitraries.integers().between(0, 3))
            .as((at, insert, cut) -> at + "\u0001" + insert + "\u0001" + cut);
    return Combinators.combine(Arbitraries.of(COMMANDS), edit.list().ofMinSize(1).ofMaxSize(4))
        .as(
            (command, edits) -> {
              StringBuilder text = new StringBuilder(command);
              for (String encoded : edits) {
                String[] parts = encoded.split("\u0001", -1);
                int at = Math.min(Integer.parseInt(parts[0]), text.length());
                text.delete(at, Math.min(text.length(), at + Integer.parseInt(parts[2])))
                    .insert(at, parts[1]);
              }
              return text.toString();
            });
  }

  @Provide
  Arbitrary<String> adversarialTexts() {
    Arbitrary<String> unit =
        Arbitraries.of(
            "1",
            "1:",
            "12:34",
            "1a",
            "1h",
            "a",
            "-",
            "=",
            "a=",
            "--a=",
            "..",
            " ",
            "\"",
            "`",
            "<@U1",
            "<",
            ">",
            "|",
            "2026-02-06T",
            "1/",
            "p.m.",
            "UTC+",
            "é",
            "\u0000");
    return Combinators.combine(
            Arbitraries.of("", "usr_k8x9m2 "),
            unit.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(100, 2_500))
        .as(
            (start, units, times) -> {
              String block = String.join("", units);
              return (start + block.repeat(times / block.length() + 1))
                  .substring(0, start.length() + times);
            });
  }

  @Provide
  Arbitrary<String> garbledTimes() {
    return Arbitraries.of(
        "25:99",
        "2026-02-30 2pm",
        "13pm",
        "tz=Mars/Olympus",
        "window=900h",
        "2pm-1pm",
        "yesterday..",
        "`2pm`",
        "<@U1> 2pm 3pm 4pm",
        "2:15pm 3:15pm",
        "±",
        "service",
        "14:00..13:00");
  }

  private ParseResult timed(String text) {
    long started = System.nanoTime();
    ParseResult result = parser.parse(text, ZoneId.of("Europe/Berlin"));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("time to parse %d characters", text.length())
        .isLessThan(QUICK);
    return result;
  }

  private static void assertAnswered(ParseResult result) {
    assertThat(result).isNotNull();
    if (result instanceof ParseResult.Invalid invalid) {
      assertThat(invalid.problem()).isNotBlank().doesNotContain("Exception").doesNotContain("null");
    }
    if (result instanceof ParseResult.Parsed parsed) {
      assertThat(parsed.request().userId()).matches(USER_ID);
      assertThat(parsed.request().window().to()).isBeforeOrEqualTo(NOW);
    }
  }
}
