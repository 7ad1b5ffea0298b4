package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The card's Share and Refresh buttons, pressed through Bolt's {@code app.run}. */
final class CardButtonHandlerTest {
  private static final LookupRequest CHECKOUT =
      new LookupRequest(
          "usr_k8x9m2",
          new TimeWindow(
              Instant.parse("2026-02-06T14:00:00Z"),
              Instant.parse("2026-02-06T14:30:00Z"),
              ZoneOffset.UTC,
              "2:15pm"),
          Optional.empty(),
          Optional.empty(),
          false);
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
  void share_pressed_postsAChannelCopyThatNamesTheCustomerByFingerprintOnly() throws Exception {
    Response ack =
        bot.run(bot.press("U0AGENT", ActionId.SHARE.id(), bot.buttonValue(CHECKOUT), "share"));

    assertThat(ack.getStatusCode()).isEqualTo(200);
    RecordedRequest posted = bot.next("/api/chat.postMessage");
    assertThat(InProcessSlackApp.field(posted, "channel")).isEqualTo("C0SUPPORT");
    assertThat(InProcessSlackApp.field(posted, "blocks"))
        .contains("payment-svc")
        .contains("Shared by \\u003c@U0AGENT")
        .contains(bot.fingerprint("usr_k8x9m2"))
        .doesNotContain("usr_k8x9m2");
    JsonNode line = bot.auditLines().get(0);
    assertThat(line.get("event").asText()).isEqualTo("share");
    assertThat(line.get("shared").asBoolean()).isTrue();
    assertThat(bot.auditLines()).hasSize(1);
  }

  @Test
  void share_slackRefusesThePost_tellsTheSharerWhyAndAuditsTheCopyAsLost() throws Exception {
    bot.slack().postMessageError("not_in_channel");

    bot.run(bot.press("U0AGENT", ActionId.SHARE.id(), bot.buttonValue(CHECKOUT), "refused"));

    RecordedRequest explanation = bot.next("/response/refused");
    assertThat(explanation.body())
        .contains("Invite me with `/invite @trace-lookup`")
        .contains("\"response_type\":\"ephemeral\"");
    List<JsonNode> lines = bot.auditLines();
    assertThat(lines)
        .extracting(line -> line.get("event").asText())
        .containsExactly("share", "delivery");
    assertThat(lines.get(1).get("outcome").asText()).isEqualTo("lost");
    assertThat(lines.get(1).get("user_hash").asText())
        .isEqualTo(lines.get(0).get("user_hash").asText());
  }

  @Test
  void refresh_pressed_replacesTheCardItWasPressedOn() throws Exception {
    bot.run(bot.press("U0AGENT", ActionId.REFRESH.id(), bot.buttonValue(CHECKOUT), "refresh"));

    RecordedRequest answer = bot.next("/response/refresh");
    assertThat(answer.body()).contains("\"replace_original\":true").contains("payment-svc");
    assertThat(bot.auditLines())
        .singleElement()
        .satisfies(line -> assertThat(line.get("event").asText()).isEqualTo("refresh"));
  }

  @Test
  void cardButtons_valueThatDoesNotDecode_areAnsweredClearlyAndLookUpNobody() throws Exception {
    for (ActionId button : List.of(ActionId.SHARE, ActionId.REFRESH)) {
      bot.run(bot.press("U0AGENT", button.id(), "garbage", "garbage"));

      assertThat(bot.next("/response/garbage").body())
          .contains("That button no longer carries a lookup I can read.");
    }
    assertThat(bot.auditLines()).isEmpty();
  }
}
