package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Show trace", pressed through Bolt's {@code app.run}. */
final class ShowTraceHandlerTest {
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
  void showTrace_pressed_answersTheTracePrivatelyAndAuditsItWithTheCustomer() throws Exception {
    String value = bot.traceValue(InProcessSlackApp.TRACE_ID, "usr_k8x9m2");

    bot.run(bot.press("U0AGENT", ActionId.SHOW_TRACE.id(), value, "show"));

    RecordedRequest answer = bot.next("/response/show");
    assertThat(answer.body()).contains("\"response_type\":\"ephemeral\"").contains("payment-svc");
    JsonNode line = bot.auditLines().get(0);
    assertThat(line.get("event").asText()).isEqualTo("show_trace");
    assertThat(line.get("trace_id").asText()).isEqualTo(InProcessSlackApp.TRACE_ID);
    assertThat(line.get("user_hash").asText()).isEqualTo(bot.fingerprint("usr_k8x9m2"));
  }

  /**
   * Pressed past the response URL's 30 minutes: the trace still arrives, and the audit says how.
   */
  @Test
  void showTrace_responseUrlExpired_answersWithChatPostEphemeralAndAuditsTheWay() throws Exception {
    bot.slack().expireResponseUrls();

    bot.run(
        bot.press(
            "U0AGENT",
            ActionId.SHOW_TRACE.id(),
            bot.traceValue(InProcessSlackApp.TRACE_ID, "usr_k8x9m2"),
            "late"));

    RecordedRequest answer = bot.next("/api/chat.postEphemeral");
    assertThat(InProcessSlackApp.field(answer, "user")).isEqualTo("U0AGENT");
    assertThat(InProcessSlackApp.field(answer, "blocks")).contains("payment-svc");
    List<JsonNode> lines = bot.auditLines();
    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("show_trace", "delivery");
    assertThat(lines.get(1).get("outcome").asText()).isEqualTo("ephemeral");
    assertThat(lines.get(1).get("trace_id").asText()).isEqualTo(InProcessSlackApp.TRACE_ID);
  }

  @Test
  void showTrace_signedValueEditedToAnotherCustomer_isAnsweredClearlyWithoutATrace()
      throws Exception {
    String edited =
        bot.traceValue(InProcessSlackApp.TRACE_ID, "usr_k8x9m2")
            .replace(bot.fingerprint("usr_k8x9m2"), bot.fingerprint("usr_other1"));

    bot.run(bot.press("U0AGENT", ActionId.SHOW_TRACE.id(), edited, "tampered"));

    assertThat(bot.next("/response/tampered").body())
        .contains("That button no longer carries a trace I can read.")
        .doesNotContain("payment-svc");
    assertThat(bot.auditLines()).isEmpty();
  }
}
