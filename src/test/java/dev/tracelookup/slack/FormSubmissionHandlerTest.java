package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submit on the "Find traces" form, through Bolt's {@code app.run}. */
final class FormSubmissionHandlerTest {
  private static final Map<String, String> CHECKOUT =
      Map.of(
          LookupModal.USER_BLOCK,
          "usr_k8x9m2",
          LookupModal.WHEN_BLOCK,
          "2026-02-06 14:15",
          LookupModal.ZONE_BLOCK,
          "UTC");
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
  void submit_userIdAndZoneUnreadable_returnsAnErrorBesideEachFieldAndLooksUpNothing()
      throws Exception {
    Response ack =
        bot.run(
            bot.submit(
                LookupModal.CALLBACK_ID,
                Map.of(
                    LookupModal.USER_BLOCK, "usr k8x9m2", LookupModal.ZONE_BLOCK, "Mars/Olympus"),
                context(Optional.empty())));

    assertThat(ack.getBody())
        .contains("\"response_action\":\"errors\"")
        .contains("\"user\":")
        .contains("\"zone\":");
    assertThat(bot.auditLines()).isEmpty();
  }

  @Test
  void submit_outsideAThread_answersThroughTheResponseUrl() throws Exception {
    Response ack =
        bot.run(bot.submit(LookupModal.CALLBACK_ID, CHECKOUT, context(Optional.empty())));

    assertThat(ack.getStatusCode()).isEqualTo(200);
    assertThat(bot.next("/response/form").body())
        .contains("payment-svc")
        .contains("Share in channel");
    assertThat(bot.auditLines("lookup")).hasSize(1);
  }

  @Test
  void submit_fromAThread_answersTheAgentAloneInThatThread() throws Exception {
    bot.run(bot.submit(LookupModal.CALLBACK_ID, CHECKOUT, context(Optional.of(THREAD))));

    RecordedRequest answer = bot.next("/api/chat.postEphemeral");
    assertThat(InProcessSlackApp.field(answer, "thread_ts")).isEqualTo(THREAD);
    assertThat(InProcessSlackApp.field(answer, "user")).isEqualTo("U0AGENT");
    assertThat(InProcessSlackApp.field(answer, "blocks"))
        .contains("payment-svc")
        .contains("Post to thread");
    assertThat(bot.auditLines()).hasSize(1);
  }

  /**
   * The bot is not in the thread's channel: the response URL still reaches the agent, and the audit
   * says so.
   */
  @Test
  void submit_fromAThreadTheBotCannotPostIn_answersThroughTheResponseUrlAndAuditsTheWay()
      throws Exception {
    bot.slack().postEphemeralError("not_in_channel");

    bot.run(bot.submit(LookupModal.CALLBACK_ID, CHECKOUT, context(Optional.of(THREAD))));

    assertThat(bot.next("/response/form").body()).contains("payment-svc");
    List<JsonNode> lines = bot.auditLines();
    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("lookup", "delivery");
    assertThat(lines.get(1).get("outcome").asText()).isEqualTo("response_url");
  }

  @Test
  void submit_formThatLostItsMetadata_asksToStartAgain() throws Exception {
    Response ack = bot.run(bot.submit(LookupModal.CALLBACK_ID, CHECKOUT, "not json"));

    assertThat(ack.getBody())
        .contains("\"response_action\":\"errors\"")
        .contains("lost track of where to answer");
  }

  private String context(Optional<String> threadTs) {
    return new FormContext("C0SUPPORT", threadTs, bot.slack().responseUrl("form").toString(), "")
        .encode();
  }
}
