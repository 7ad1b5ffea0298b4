package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.ReplyModal;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access rules in front of every handler, through Bolt's {@code app.run}: only U0AGENT may look up;
 * U0STRANGER is refused wherever they ask, and payloads that show nothing are not checked.
 */
final class AccessGateTest {
  private static final String REFUSAL = "Ask #support-tooling for access.";
  @TempDir Path dir;
  private InProcessSlackApp bot;

  @BeforeEach
  void start() throws Exception {
    bot = new InProcessSlackApp(dir, "access:\n  users: [U0AGENT]\n  ask: \"#support-tooling\"\n");
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @Test
  void command_bySomeoneNotListed_isRefusedInItsAckAndAudited() throws Exception {
    Response ack =
        bot.run(
            bot.command("U0STRANGER", "C0SUPPORT", "usr_k8x9m2 2026-02-06 14:15 UTC", "stranger"));

    assertThat(ack.getBody()).contains("\"response_type\":\"ephemeral\"").contains(REFUSAL);
    assertThat(bot.calls()).noneMatch(path -> path.startsWith("/response/"));
    assertThat(bot.auditLines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.get("event").asText()).isEqualTo("denied");
              assertThat(line.get("slack_user").asText()).isEqualTo("U0STRANGER");
            });
  }

  @Test
  void button_bySomeoneNotListed_isRefusedThroughItsResponseUrl() throws Exception {
    bot.run(
        bot.press("U0STRANGER", ActionId.SHOW_TRACE.id(), InProcessSlackApp.TRACE_ID, "stranger"));

    assertThat(bot.next("/response/stranger").body())
        .contains(REFUSAL)
        .doesNotContain("payment-svc");
    assertThat(bot.auditLines("denied")).hasSize(1);
    assertThat(bot.auditLines("show_trace")).isEmpty();
  }

  @Test
  void mention_bySomeoneNotListed_isRefusedToThemAloneInTheThread() throws Exception {
    bot.run(
        bot.mention("Ev0STRANGER", "U0STRANGER", "<@U0BOT> usr_k8x9m2 2026-02-06 14:15 tz UTC"));

    assertThat(InProcessSlackApp.field(bot.next("/api/chat.postEphemeral"), "text"))
        .contains(REFUSAL);
    assertThat(bot.calls()).doesNotContain("/api/chat.postMessage");
  }

  @Test
  void openTraceUrlButton_bySomeoneNotListed_isAckedUncheckedAsItShowsNothing() throws Exception {
    Response ack = bot.run(bot.press("U0STRANGER", ActionId.OPEN_TRACE.id(), "", "link"));

    assertThat(ack.getStatusCode()).isEqualTo(200);
    assertThat(bot.calls()).noneMatch(path -> path.startsWith("/response/"));
    assertThat(bot.auditLines()).isEmpty();
  }

  @Test
  void lookupForm_bySomeoneNotListed_isRefusedThroughTheResponseUrlItCarries() throws Exception {
    String context =
        new FormContext(
                "C0SUPPORT", Optional.empty(), bot.slack().responseUrl("form").toString(), "")
            .encode();

    bot.run(
        bot.submit(
            "U0STRANGER",
            LookupModal.CALLBACK_ID,
            Map.of("user", "usr_k8x9m2", "when", "2026-02-06 14:15", "zone", "UTC"),
            context));

    assertThat(bot.next("/response/form").body()).contains(REFUSAL).doesNotContain("payment-svc");
    assertThat(bot.auditLines("lookup")).isEmpty();
  }

  @Test
  void replyDraftDone_bySomeoneNotListed_isAckedUnchecked() throws Exception {
    Response ack = bot.run(bot.submit("U0STRANGER", ReplyModal.CALLBACK_ID, Map.of(), ""));

    assertThat(ack.getStatusCode()).isEqualTo(200);
    assertThat(bot.auditLines()).isEmpty();
  }
}
