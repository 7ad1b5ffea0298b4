package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Access control through the real servlet: signed slash commands and button clicks from people who
 * are and are not allowed, with the audit log written to a file.
 */
final class AccessEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  @TempDir Path dir;
  private SignedSlackBot bot;
  private FakeSlackApi slackApi;

  @BeforeEach
  void start() throws Exception {
    bot =
        new SignedSlackBot(
            dir,
            "access:\n"
                + "  channels: [C0SUPPORT]\n"
                + "  user-groups: [S0AGENTS]\n"
                + "  ask: \"#support-tooling\"\n");
    slackApi = bot.slackApi();
    slackApi.zone("U0MEMBER", "UTC");
    slackApi.userGroup("S0AGENTS", "U0MEMBER");
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  private String command(String user, String channel, String text) {
    return "token=legacy&team_id=T0001&channel_id="
        + channel
        + "&user_id="
        + user
        + "&command=%2Ftrace-lookup&text="
        + URLEncoder.encode(text, StandardCharsets.UTF_8)
        + "&response_url="
        + URLEncoder.encode(slackApi.responseUrl("answer").toString(), StandardCharsets.UTF_8)
        + "&trigger_id=1.2.3";
  }

  private HttpResponse<String> post(String body) throws Exception {
    return bot.post(body);
  }

  private List<JsonNode> auditLines() throws Exception {
    return bot.auditLines();
  }

  private String auditText() throws Exception {
    return bot.auditLines().toString();
  }

  @Test
  void slashCommand_userOutsideTheGroups_isRefusedInTheAckAndRunsNoLookup() throws Exception {
    HttpResponse<String> ack =
        post(command("U0STRANGER", "C0SUPPORT", "usr_k8x9m2 2026-02-06 14:15 UTC"));

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("Ask #support-tooling for access.");
    assertThat(bot.jobsQueued()).isZero();
    List<JsonNode> lines = auditLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("event").asText()).isEqualTo("denied");
    assertThat(lines.get(0).get("slack_user").asText()).isEqualTo("U0STRANGER");
    assertThat(lines.get(0).get("channel").asText()).isEqualTo("C0SUPPORT");
    assertThat(auditText())
        .doesNotContain("usr_k8x9m2")
        .doesNotContain(SignedSlackBot.BOT_TOKEN)
        .doesNotContain(SignedSlackBot.SECRET);
  }

  @Test
  void slashCommand_groupMemberInAnotherChannel_isRefused() throws Exception {
    HttpResponse<String> ack =
        post(command("U0MEMBER", "C0RANDOM", "usr_k8x9m2 2026-02-06 14:15 UTC"));

    assertThat(ack.body()).contains("Ask #support-tooling for access.");
    assertThat(bot.jobsQueued()).isZero();
  }

  @Test
  void slashCommand_groupMemberInAllowedChannel_getsTheCardAndIsAudited() throws Exception {
    HttpResponse<String> ack =
        post(command("U0MEMBER", "C0SUPPORT", "usr_k8x9m2 2026-02-06 14:15 UTC"));

    assertThat(ack.body()).doesNotContain("support-tooling").contains("usr_k8x9m2");
    FakeHttpServer.RecordedRequest answer = slackApi.server().takeRequest("/response/answer", WAIT);
    assertThat(answer.body()).contains("payment-svc");
    JsonNode line = auditLines().get(0);
    assertThat(line.get("event").asText()).isEqualTo("lookup");
    assertThat(line.get("slack_user").asText()).isEqualTo("U0MEMBER");
    assertThat(line.get("team").asText()).isEqualTo("T0001");
    // Keyed by the signing secret, so every replica agrees; never the unkeyed SHA-256
    // ("u:ff1af1f31874").
    assertThat(line.get("user_hash").asText())
        .isEqualTo(
            dev.tracelookup.privacy.UserIdFingerprint.derivedFrom(
                    SignedSlackBot.SECRET, "SLACK_SIGNING_SECRET")
                .of("usr_k8x9m2"));
    assertThat(line.get("window_from").asText()).isEqualTo("2026-02-06T14:00:00Z");
    assertThat(line.get("result_count").asInt()).isPositive();
    assertThat(line.get("outcome").asText()).isEqualTo("found");
    assertThat(auditText()).doesNotContain("usr_k8x9m2").doesNotContain(SignedSlackBot.BOT_TOKEN);
  }

  @Test
  void showTraceButton_userNotAllowed_isAnsweredPrivatelyAndShowsNothing() throws Exception {
    String payload =
        "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\"},\"user\":{\"id\":\"U0STRANGER\"},"
            + "\"channel\":{\"id\":\"C0SUPPORT\"},\"response_url\":\""
            + slackApi.responseUrl("denied")
            + "\",\"trigger_id\":\"1.2.3\",\"actions\":[{\"action_id\":\"show_trace\",\"block_id\":\"b\",\"type\":\"button\","
            + "\"value\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}]}";

    HttpResponse<String> ack =
        post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest refusal =
        slackApi.server().takeRequest("/response/denied", WAIT);
    assertThat(refusal.body())
        .contains("Ask #support-tooling for access.")
        .doesNotContain("payment-svc");
    assertThat(bot.jobsQueued()).isZero();
    assertThat(auditLines().get(0).get("event").asText()).isEqualTo("denied");
  }

  @Test
  void findTracesShortcut_userNotAllowed_opensNoFormAndIsToldWhoToAsk() throws Exception {
    String payload =
        "{\"type\":\"message_action\",\"callback_id\":\"find_traces\",\"trigger_id\":\"1.2.3\","
            + "\"response_url\":\""
            + slackApi.responseUrl("denied")
            + "\",\"message_ts\":\"1770389100.000200\","
            + "\"team\":{\"id\":\"T0001\"},\"channel\":{\"id\":\"C0SUPPORT\"},\"user\":{\"id\":\"U0STRANGER\"},"
            + "\"message\":{\"type\":\"message\",\"ts\":\"1770389100.000200\",\"text\":\"usr_k8x9m2"
            + " https://acme.zendesk.com/agent/tickets/4521\"}}";

    HttpResponse<String> ack =
        post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest refusal =
        slackApi.server().takeRequest("/response/denied", WAIT);
    assertThat(refusal.body()).contains("Ask #support-tooling for access.");
    assertThat(slackCallsSoFar()).doesNotContain("/api/views.open");
    assertThat(auditLines().get(0).get("event").asText()).isEqualTo("denied");
  }

  @Test
  void mention_userNotAllowed_isToldPrivatelyInTheThreadAndRunsNoLookup() throws Exception {
    String event =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
            + "\"event_id\":\"Ev0DENIED\",\"event_time\":1770389300,\"event\":{\"type\":\"app_mention\",\"user\":\"U0STRANGER\",\"text\":\"<@U0BOT>"
            + " usr_k8x9m2 2026-02-06 14:15 tz UTC\",\"ts\":\"1770389300.000400\","
            + "\"channel\":\"C0SUPPORT\",\"thread_ts\":\"1770389000.000100\",\"event_ts\":\"1770389300.000400\"}}";

    HttpResponse<String> ack = bot.event(event);

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest refusal =
        slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(refusal.body(), "user")).isEqualTo("U0STRANGER");
    assertThat(FakeSlackApi.formValue(refusal.body(), "thread_ts")).isEqualTo("1770389000.000100");
    assertThat(FakeSlackApi.formValue(refusal.body(), "text"))
        .contains("Ask #support-tooling for access.");
    assertThat(slackCallsSoFar()).doesNotContain("/api/chat.postMessage");
    assertThat(bot.jobsQueued()).isZero();
    assertThat(auditLines().get(0).get("event").asText()).isEqualTo("denied");
  }

  /** Returns the paths of the Slack calls recorded and not yet taken. */
  private List<String> slackCallsSoFar() throws InterruptedException {
    List<String> paths = new java.util.ArrayList<>();
    while (slackApi.server().pending() > 0) {
      paths.add(slackApi.server().takeRequest(WAIT).path());
    }
    return paths;
  }

  /**
   * Slack always names the user; a signed payload without one fails inside Bolt's parser, quietly.
   */
  @Test
  void findTracesShortcut_payloadWithoutAUser_isRefusedWithoutInternalsAndRunsNothing()
      throws Exception {
    String payload =
        "{\"type\":\"message_action\",\"callback_id\":\"find_traces\",\"trigger_id\":\"1.2.3\","
            + "\"response_url\":\""
            + slackApi.responseUrl("nobody")
            + "\",\"message_ts\":\"1770389100.000200\","
            + "\"team\":{\"id\":\"T0001\"},\"channel\":{\"id\":\"C0SUPPORT\"},"
            + "\"message\":{\"type\":\"message\",\"ts\":\"1770389100.000200\",\"text\":\"usr_k8x9m2\"}}";

    HttpResponse<String> ack =
        post("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8));

    assertThat(ack.statusCode()).isEqualTo(500);
    assertThat(ack.body())
        .doesNotContain("Exception")
        .doesNotContain("slack.api")
        .doesNotContain("usr_k8x9m2");
    assertThat(slackCallsSoFar()).doesNotContain("/api/views.open");
    assertThat(bot.jobsQueued()).isZero();
  }
}
