package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @trace-lookup} in an escalation thread, through Bolt's {@code app.run}. */
final class MentionHandlerTest {
  private static final String THREAD = "1770389000.000100";
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
  void mention_userIdAndTime_postsTheCardInTheThreadNamingTheCustomerByFingerprint()
      throws Exception {
    bot.run(bot.mention("Ev0CARD", "<@U0BOT> usr_k8x9m2 2026-02-06 14:15 tz UTC"));

    RecordedRequest card = bot.next("/api/chat.postMessage");
    assertThat(InProcessSlackApp.field(card, "thread_ts")).isEqualTo(THREAD);
    assertThat(InProcessSlackApp.field(card, "blocks"))
        .contains("payment-svc")
        .contains(bot.fingerprint("usr_k8x9m2"))
        .doesNotContain("usr_k8x9m2");
    assertThat(bot.auditLines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.get("event").asText()).isEqualTo("lookup");
              assertThat(line.get("shared").asBoolean()).isTrue();
            });
  }

  @Test
  void mention_ticketLink_readsTheTicketAndPostsItsCustomersCard() throws Exception {
    bot.tickets((link, zone) -> InProcessSlackApp.resolved("Zendesk #4512", "usr_k8x9m2"));

    bot.run(bot.mention("Ev0TICKET", "<@U0BOT> https://acme.zendesk.com/agent/tickets/4512"));

    assertThat(InProcessSlackApp.field(bot.next("/api/chat.postMessage"), "blocks"))
        .contains("payment-svc");
  }

  @Test
  void mention_nothingReadable_tellsTheAskerAloneInTheThread() throws Exception {
    bot.run(bot.mention("Ev0HELP", "<@U0BOT> can you look at this?"));

    RecordedRequest help = bot.next("/api/chat.postEphemeral");
    assertThat(InProcessSlackApp.field(help, "user")).isEqualTo("U0AGENT");
    assertThat(InProcessSlackApp.field(help, "thread_ts")).isEqualTo(THREAD);
    assertThat(bot.calls()).doesNotContain("/api/chat.postMessage");
  }

  @Test
  void mention_inAChannelClosedToTheBot_explainsToTheAskerAndAuditsTheCardAsLost()
      throws Exception {
    bot.slack().postMessageError("not_in_channel");

    bot.run(bot.mention("Ev0CLOSED", "<@U0BOT> usr_k8x9m2 2026-02-06 14:15 tz UTC"));

    RecordedRequest why = bot.next("/api/chat.postEphemeral");
    assertThat(InProcessSlackApp.field(why, "text")).contains("Invite me");
    List<JsonNode> lines = bot.auditLines();
    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("lookup", "delivery");
    assertThat(lines.get(1).get("outcome").asText()).isEqualTo("lost");
  }
}
