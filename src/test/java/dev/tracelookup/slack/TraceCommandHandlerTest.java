package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.response.Response;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /trace-lookup}, through Bolt's {@code app.run}: what the ack says and what follows it. */
final class TraceCommandHandlerTest {
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
  void command_userIdAndTime_acksWhatIsSearchedThenAnswersWithTheCard() throws Exception {
    Response ack =
        bot.run(bot.command("U0AGENT", "C0SUPPORT", "usr_k8x9m2 2026-02-06 14:15 UTC", "card"));

    assertThat(ack.getStatusCode()).isEqualTo(200);
    assertThat(ack.getBody())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("Looking up")
        .contains("usr_k8x9m2");
    RecordedRequest answer = bot.next("/response/card");
    assertThat(answer.body())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("payment-svc")
        .contains("share_card")
        .contains("refresh_card");
    assertThat(bot.auditLines("lookup"))
        .singleElement()
        .satisfies(line -> assertThat(line.get("slack_user").asText()).isEqualTo("U0AGENT"));
  }

  @Test
  void command_help_isAnsweredInTheAckAndRunsNoLookup() throws Exception {
    Response ack = bot.run(bot.command("U0AGENT", "C0SUPPORT", "help", "help"));

    assertThat(ack.getBody()).contains("failing request:*").doesNotContain("Looking up");
    assertThat(bot.calls()).noneMatch(path -> path.startsWith("/response/"));
    assertThat(bot.auditLines()).isEmpty();
  }

  @Test
  void command_unreadableTime_saysWhatWasUnderstoodInTheAck() throws Exception {
    Response ack =
        bot.run(bot.command("U0AGENT", "C0SUPPORT", "usr_k8x9m2 at teatime", "unreadable"));

    assertThat(ack.getBody())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("I did not understand `teatime`")
        .contains("I understood: user usr_k8x9m2")
        .doesNotContain("Looking up");
    assertThat(bot.calls()).noneMatch(path -> path.startsWith("/response/"));
  }
}
