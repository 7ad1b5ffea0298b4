package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.time.DateOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What agents paste, read as they meant it: the table in {@code
 * src/test/resources/command/pasted-messages.tsv} holds each message with the request it must
 * become, or the "here is what I understood" answer with the form prefilled. Add a row when a
 * pasted message is read wrong.
 */
final class PastedMessagesTest {
  private static final Instant NOW = Instant.parse("2026-02-06T20:00:00Z");
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9_.:@+\\-]{1,128}$");
  private static final String TABLE = "/command/pasted-messages.tsv";

  static Stream<Arguments> messages() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    for (String line : lines()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] columns = line.split("\t", -1);
      String message = columns[2].replace("\\n", "\n");
      rows.add(
          Arguments.argumentSet(
              message, ZoneId.of(columns[0]), DateOrder.valueOf(columns[1]), message, columns[3]));
    }
    return rows.stream();
  }

  @Test
  void table_holdsAtLeastSixtyMessages() throws IOException {
    assertThat(messages().count()).isGreaterThanOrEqualTo(60);
  }

  @ParameterizedTest
  @MethodSource("messages")
  void parse_pastedMessage_readsWhatTheAgentMeant(
      ZoneId agentZone, DateOrder order, String message, String expected) {
    ParseResult result = parser(order).parse(message, agentZone);

    if (expected.startsWith("!")) {
      assertThat(result).isInstanceOf(ParseResult.Invalid.class);
      ParseResult.Invalid invalid = (ParseResult.Invalid) result;
      assertThat(invalid.problem()).contains(expected.substring(1).strip());
      assertThat(invalid.guess()).as("no form offered").isEmpty();
    } else if (expected.startsWith("?")) {
      String[] parts = expected.substring(1).split("\\|", -1);
      assertThat(result).isInstanceOf(ParseResult.Invalid.class);
      ParseResult.Invalid invalid = (ParseResult.Invalid) result;
      assertThat(invalid.problem()).contains(parts[0].strip());
      assertThat(invalid.guess()).isPresent();
      assertThat(invalid.guess().get().userId()).isEqualTo(parts[1].strip());
      assertThat(invalid.guess().get().when()).isEqualTo(parts[2].strip());
      assertThat(invalid.understood()).as("what was understood is quoted").isNotBlank();
    } else {
      assertThat(result).isInstanceOf(ParseResult.Parsed.class);
      LookupRequest request = ((ParseResult.Parsed) result).request();
      List<String> words = List.of(expected.split(" "));
      List<Instant> ends = instants(words.subList(1, words.size()));
      assertThat(request.userId()).isEqualTo(words.get(0));
      assertThat(request.window().from()).as("from").isEqualTo(ends.get(0));
      assertThat(request.window().to()).as("to").isEqualTo(ends.get(1));
    }
  }

  @Test
  void parse_ambiguousText_guessesZoneItNamedForTheForm() {
    ParseResult result =
        parser(DateOrder.MDY)
            .parse("usr_1ab and usr_2cd at 2:15pm tz Europe/Paris", ZoneOffset.UTC);

    assertThat(result).isInstanceOf(ParseResult.Invalid.class);
    assertThat(((ParseResult.Invalid) result).guess().flatMap(ParseResult.Guess::zone))
        .isEqualTo(Optional.of(ZoneId.of("Europe/Paris")));
  }

  @Test
  void parse_agentLocaleWritesDayFirst_readsShortDatesDayFirst() {
    LookupRequestParser followsLocale =
        new LookupRequestParser(
            Clock.fixed(NOW, ZoneOffset.UTC),
            USER_ID,
            Duration.ofMinutes(15),
            Duration.ofHours(2),
            Duration.ofHours(168),
            Optional.empty());

    ParseResult british =
        followsLocale.parse("usr_k8x9m2 5/2 14:15", ZoneOffset.UTC, Optional.of(DateOrder.DMY));
    ParseResult noLocale = followsLocale.parse("usr_k8x9m2 2/5 14:15", ZoneOffset.UTC);

    assertThat(from(british)).isEqualTo(Instant.parse("2026-02-05T14:00:00Z"));
    assertThat(from(noLocale)).isEqualTo(Instant.parse("2026-02-05T14:00:00Z"));
  }

  @Test
  void parse_configuredOrder_winsOverTheAgentsLocale() {
    ParseResult result =
        parser(DateOrder.MDY)
            .parse("usr_k8x9m2 2/5 14:15", ZoneOffset.UTC, Optional.of(DateOrder.DMY));

    assertThat(from(result)).isEqualTo(Instant.parse("2026-02-05T14:00:00Z"));
  }

  private static Instant from(ParseResult result) {
    assertThat(result).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).request().window().from();
  }

  private static LookupRequestParser parser(DateOrder order) {
    return new LookupRequestParser(
        Clock.fixed(NOW, ZoneOffset.UTC),
        USER_ID,
        Duration.ofMinutes(15),
        Duration.ofHours(2),
        Duration.ofHours(168),
        order);
  }

  /**
   * Returns the instants of "19:00 19:30" or "02-05 19:00 02-05 19:30", on 2026-02-06 by default.
   */
  private static List<Instant> instants(List<String> words) {
    List<Instant> instants = new ArrayList<>();
    String day = "02-06";
    for (String word : words) {
      if (word.matches("\\d\\d-\\d\\d")) {
        day = word;
        continue;
      }
      String time = word.length() == 5 ? word + ":00" : word;
      instants.add(Instant.parse("2026-" + day + "T" + time + "Z"));
      day = "02-06";
    }
    return instants;
  }

  private static List<String> lines() throws IOException {
    try (InputStream in = PastedMessagesTest.class.getResourceAsStream(TABLE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
