package dev.tracelookup.render;

import static dev.tracelookup.render.RenderFixtures.NEW_YORK;
import static dev.tracelookup.render.RenderFixtures.WINDOW_FROM;
import static dev.tracelookup.render.RenderFixtures.WINDOW_TO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MessagesTest {
  private static final String GIANT = "<@U123> & <!channel> ".repeat(5_000);

  @Test
  void searching_agentInNewYork_showsTheWindowInUtcAndLocalTime() {
    SlackMessage message =
        Messages.searching(
            "usr_1", WINDOW_FROM, WINDOW_TO, NEW_YORK, "2:15 PM ±15 min", "service checkout");

    assertThat(message.text())
        .isEqualTo(
            "Looking up traces for usr_1 between 14:00 and 14:30 UTC"
                + " (9:00–9:30 AM your time, America/New_York) …");
    assertThat(RenderFixtures.texts(message))
        .contains("2026-02-06 · read as 2:15 PM ±15 min · filters: service checkout");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void searching_agentInUtc_showsUtcOnce() {
    SlackMessage message =
        Messages.searching("usr_1", WINDOW_FROM, WINDOW_TO, ZoneOffset.UTC, "", null);

    assertThat(message.text())
        .isEqualTo("Looking up traces for usr_1 between 14:00 and 14:30 UTC …");
    assertThat(RenderFixtures.texts(message)).contains("2026-02-06");
  }

  @Test
  void noTraces_withFilters_saysWhatWasSearchedAndWhatToTry() {
    SlackMessage message =
        Messages.noTraces(
            "usr_1",
            WINDOW_FROM,
            WINDOW_TO,
            NEW_YORK,
            "Tempo",
            "service checkout",
            List.of("Tempo searched only the last 168 h"));

    String text = String.join("\n", RenderFixtures.texts(message));
    assertThat(text)
        .contains(
            "No traces found for usr_1 between 14:00 and 14:30 UTC (9:00–9:30 AM your time,"
                + " America/New_York).",
            "Searched Tempo · 2026-02-06 14:00–14:30 UTC · service checkout",
            "`window 1h`",
            "Check the user ID",
            "Drop the filters (service checkout)",
            "America/New_York",
            "can take a minute to reach Tempo",
            "⚠️ Tempo searched only the last 168 h");
    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void noTraces_withoutFilters_doesNotSuggestDroppingThem() {
    SlackMessage message =
        Messages.noTraces("usr_1", WINDOW_FROM, WINDOW_TO, NEW_YORK, "Tempo", "", List.of());

    assertThat(String.join("\n", RenderFixtures.texts(message))).doesNotContain("Drop the filters");
  }

  @Test
  void failure_message_isAWarningLine() {
    SlackMessage message =
        Messages.failure("Tempo did not answer within 10 s — try again or narrow the window");

    assertThat(message.text())
        .isEqualTo("⚠️ Tempo did not answer within 10 s — try again or narrow the window");
    assertThat(RenderFixtures.texts(message)).containsOnly(message.text());
  }

  @Test
  void help_problemAndUnderstood_showsBothThenUsage() {
    SlackMessage message =
        Messages.help(
            "I could not read the time \"25pm\"",
            "user usr_1",
            "Usage: `/trace-lookup <user-id> [time]`");

    assertThat(RenderFixtures.texts(message))
        .containsExactly(
            "⚠️ I could not read the time \"25pm\"",
            "⚠️ I could not read the time \"25pm\"",
            "I understood: user usr_1",
            "Usage: `/trace-lookup &lt;user-id&gt; [time]`");
  }

  @Test
  void help_usageOnly_showsUsage() {
    SlackMessage message = Messages.help("Usage: `/trace-lookup usr_1 2:15pm`");

    assertThat(RenderFixtures.texts(message)).containsOnly("Usage: `/trace-lookup usr_1 2:15pm`");
  }

  @Test
  void busy_always_asksToTryAgainLater() {
    assertThat(Messages.busy().text()).contains("try again in a minute");
  }

  @Test
  void everyMessage_giantHostileInput_staysWithinLimitsAndEscaped() {
    List<SlackMessage> messages =
        List.of(
            Messages.searching(GIANT, WINDOW_FROM, WINDOW_TO, NEW_YORK, GIANT, GIANT),
            Messages.noTraces(
                GIANT,
                WINDOW_FROM,
                WINDOW_TO,
                NEW_YORK,
                GIANT,
                GIANT,
                Collections.nCopies(50, GIANT)),
            Messages.failure(GIANT),
            Messages.help(GIANT, GIANT, GIANT.replace(" ", "\n")),
            Messages.busy());

    assertThat(messages)
        .allSatisfy(
            m -> {
              assertThat(BlockKitCheck.violations(m)).isEmpty();
              assertThat(RenderFixtures.texts(m))
                  .allSatisfy(t -> assertThat(t).doesNotContain("<@", "<!"));
            });
  }

  @Test
  void offerForm_unsureReading_quotesItAndOffersTheFormWithinBlockKitLimits() {
    SlackMessage message =
        Messages.offerForm(
            "More than one thing here could be the customer's user ID: `usr_1` or `usr_2`.",
            "user usr_1 or usr_2, time 2:15pm",
            "{\"u\":\"usr_1\"}");

    assertThat(BlockKitCheck.violations(message)).isEmpty();
    assertThat(message.toJson())
        .contains("I understood: user usr_1 or usr_2, time 2:15pm")
        .contains("\"action_id\":\"open_lookup_form\"")
        .contains("Check it in the form");
  }

  @Test
  void offerForm_valueTooLongForAButton_leavesTheButtonOutAndStaysValid() {
    SlackMessage message = Messages.offerForm("<@U1> " + "x".repeat(5_000), "", "v".repeat(2_001));

    assertThat(BlockKitCheck.violations(message)).isEmpty();
    assertThat(message.toJson()).doesNotContain("open_lookup_form");
  }
}
