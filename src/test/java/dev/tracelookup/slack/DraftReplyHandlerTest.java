package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Draft customer reply", pressed through Bolt's {@code app.run}. */
final class DraftReplyHandlerTest {
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
  void draftReply_pressed_opensTheModalAtOnceThenFillsInTheDraftAndAuditsIt() throws Exception {
    bot.run(
        bot.press(
            "U0AGENT",
            ActionId.DRAFT_REPLY.id(),
            bot.traceValue(InProcessSlackApp.TRACE_ID, "usr_k8x9m2"),
            "draft"));

    RecordedRequest opened = bot.next("/api/views.open");
    assertThat(InProcessSlackApp.field(opened, "trigger_id")).isEqualTo("1.2.3");
    RecordedRequest filled = bot.next("/api/views.update");
    assertThat(InProcessSlackApp.field(filled, "view"))
        .contains("Hi there")
        .contains("customer_reply");
    JsonNode line = bot.auditLines().get(0);
    assertThat(line.get("event").asText()).isEqualTo("reply_draft");
    assertThat(line.get("outcome").asText()).isEqualTo("drafted");
    assertThat(line.get("trace_id").asText()).isEqualTo(InProcessSlackApp.TRACE_ID);
  }

  @Test
  void draftReply_signedValueEditedToAnotherCustomer_isAnsweredClearlyAndOpensNothing()
      throws Exception {
    String edited =
        bot.traceValue(InProcessSlackApp.TRACE_ID, "usr_k8x9m2")
            .replace(bot.fingerprint("usr_k8x9m2"), bot.fingerprint("usr_other1"));

    bot.run(bot.press("U0AGENT", ActionId.DRAFT_REPLY.id(), edited, "tampered"));

    assertThat(bot.next("/response/tampered").body())
        .contains("That button no longer carries a trace I can read.");
    assertThat(bot.calls()).doesNotContain("/api/views.open");
  }
}
