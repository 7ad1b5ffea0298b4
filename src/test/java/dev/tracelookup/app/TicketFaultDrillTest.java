package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault drill: a burst of {@code /trace-lookup <zendesk link>} commands and "Find traces" shortcuts
 * while Zendesk fails. Each opens its form at once and then ends in exactly one form update saying
 * what went wrong, so the agent can type the values instead; never a form stuck on "Reading…".
 * Ticket reads have their own budget (10 s: 2 attempts of at most 5 s).
 */
final class TicketFaultDrillTest {
  private static final int COMMANDS = 6;
  private static final int SHORTCUTS = 4;
  private static final String LINK = "https://acme.zendesk.com/agent/tickets/4512";
  private static final Duration TICKET_BUDGET = Duration.ofSeconds(10);
  @TempDir Path dir;
  private DrillBot bot;

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void burst_whileZendeskFails_everyFormEndsOnceSayingWhy(Fault fault) throws Exception {
    FaultyServer zendesk =
        new FaultyServer(fault, FakeHttpServer.Reply.status(404, "{\"error\":\"RecordNotFound\"}"));
    bot =
        DrillBot.start(
            dir,
            COMMANDS + SHORTCUTS,
            COMMANDS,
            DrillBot.demoBackend()
                + "tickets:\n  zendesk:\n"
                + "    url: "
                + zendesk.uri()
                + "\n    host: acme.zendesk.com\n"
                + "    email-env: ZENDESK_EMAIL\n    token-env: ZENDESK_API_TOKEN\n",
            zendesk);
    FinalAnswers answers = new FinalAnswers(bot.slackApi);
    List<CompletableFuture<HttpResponse<String>>> commands = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> shortcuts = new ArrayList<>();

    for (int i = 0; i < COMMANDS; i++) {
      commands.add(bot.command("<" + LINK + ">", "ticket-" + i));
    }
    for (int i = 0; i < SHORTCUTS; i++) {
      shortcuts.add(
          bot.requests.sendPayload(shortcut(bot.responseUrl("shortcut-" + i).toString(), i)));
    }

    for (CompletableFuture<HttpResponse<String>> ack : commands) {
      assertThat(ack.get().body()).contains("Reading Zendesk #4512");
    }
    for (CompletableFuture<HttpResponse<String>> ack : shortcuts) {
      assertThat(ack.get().statusCode()).isEqualTo(200);
    }
    assertThat(
            answers.awaitCalls(
                "views.update",
                COMMANDS + SHORTCUTS,
                TICKET_BUDGET.plus(DrillBot.MARGIN).multipliedBy(2)))
        .isTrue();
    bot.shutdown();
    answers.collectRest();
    assertThat(answers.calls("views.open")).isEqualTo(COMMANDS + SHORTCUTS);
    assertThat(answers.of("api:views.update"))
        .hasSize(COMMANDS + SHORTCUTS)
        .allSatisfy(
            update -> {
              assertThat(FakeSlackApi.formValue(update.body(), "view"))
                  .contains(sentence(fault))
                  .contains("\"block_id\":\"user\"");
              assertThat(update.after()).isLessThanOrEqualTo(TICKET_BUDGET.plus(DrillBot.MARGIN));
            });
    assertThat(answers.of("api:views.update"))
        .noneSatisfy(update -> assertThat(update.body()).contains(DrillBot.ZENDESK_TOKEN));
  }

  private static String sentence(Fault fault) {
    switch (fault) {
      case REFUSED:
        return "Zendesk could not be reached";
      case SLOW:
        return "Zendesk did not answer in time";
      case RATE_LIMITED:
        return "Zendesk is rate-limiting the bot";
      default:
        return "Zendesk had an error while reading Zendesk #4512";
    }
  }

  private static String shortcut(String responseUrl, int i) {
    return "{\"type\":\"message_action\",\"callback_id\":\"find_traces\",\"trigger_id\":\"trigger-shortcut-"
        + i
        + "\","
        + "\"response_url\":\""
        + responseUrl
        + "\",\"message_ts\":\"1770389100.000200\","
        + "\"action_ts\":\"1770389200.000300\",\"token\":\"legacy\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},"
        + "\"user\":{\"id\":\"U0AGENT\",\"name\":\"agent\",\"username\":\"agent\",\"team_id\":\"T0001\"},"
        + "\"message\":{\"type\":\"message\",\"user\":\"U0OTHER\",\"ts\":\"1770389100.000200\","
        + "\"thread_ts\":\"1770389000.000100\",\"text\":"
        + new Gson().toJson("Customer can't check out, see <" + LINK + ">")
        + "}}";
  }
}
