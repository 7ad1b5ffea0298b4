package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "Find traces" message shortcut, run through Bolt's {@code app.run}. */
final class FindTracesShortcutHandlerTest {
  private static final String TICKET = "https://acme.zendesk.com/agent/tickets/4512";
  @TempDir Path dir;
  private InProcessSlackApp bot;

  @BeforeEach
  void start() throws Exception {
    bot = new InProcessSlackApp(dir, "");
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @Test
  void shortcut_messageWithATicketLink_opensTheFormThenPrefillsItFromTheTicket() throws Exception {
    bot.tickets((link, zone) -> InProcessSlackApp.resolved("Zendesk #4512", "usr_k8x9m2"));

    Response ack =
        bot.run(
            bot.shortcut(
                "Customer says checkout fails: <" + TICKET + "|#4512>",
                Optional.empty(),
                "ticket"));

    assertThat(ack.getStatusCode()).isEqualTo(200);
    assertThat(InProcessSlackApp.field(bot.next("/api/views.open"), "view"))
        .contains("Zendesk #4512");
    String form = InProcessSlackApp.field(bot.next("/api/views.update"), "view");
    assertThat(form)
        .contains("find_traces_form")
        .contains("usr_k8x9m2")
        .contains("America/New_York");
  }

  @Test
  void shortcut_messageWithTwoTicketLinks_asksWhichOneWithAButtonEach() throws Exception {
    bot.run(
        bot.shortcut(
            "See " + TICKET + " and https://acme.zendesk.com/agent/tickets/4513",
            Optional.empty(),
            "two"));

    RecordedRequest picker = bot.next("/response/two");
    assertThat(picker.body())
        .contains("This message links 2 tickets")
        .contains("pick_ticket_0")
        .contains("pick_ticket_1");
  }

  @Test
  void shortcut_messageWithAUserIdAndTime_looksItUpAndAnswersPrivately() throws Exception {
    bot.run(
        bot.shortcut("usr_k8x9m2 2026-02-06 14:15 UTC", Optional.of("1770389000.000100"), "words"));

    RecordedRequest answer = bot.next("/response/words");
    assertThat(answer.body())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("payment-svc")
        .contains("Post to thread");
    assertThat(bot.auditLines("lookup")).hasSize(1);
  }

  @Test
  void shortcut_messageWithNothingToRead_saysSoPrivately() throws Exception {
    bot.run(bot.shortcut("thanks, all sorted now", Optional.empty(), "nothing"));

    assertThat(bot.next("/response/nothing").body()).contains("That message has no ticket link");
    assertThat(bot.auditLines()).isEmpty();
  }
}
