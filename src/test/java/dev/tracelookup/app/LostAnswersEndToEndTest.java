package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers that used to be lost, through signed requests: event retries whose first delivery never
 * arrived, a lookup form submitted after its response URL expired, and repeated presses of the same
 * button, which must act once.
 */
final class LostAnswersEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
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
  private SignedSlackBot bot;
  private FakeSlackApi slack;

  @BeforeEach
  void start() throws Exception {
    bot = new SignedSlackBot(dir, "");
    slack = bot.slackApi();
    slack.zone("U0AGENT", "UTC");
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  /** Slack's retry after a first delivery that never reached the bot (a deploy, a network blip). */
  @Test
  void mention_retryWhoseFirstDeliveryNeverArrived_isAnsweredInTheThread() throws Exception {
    assertThat(bot.eventRetry(mention("Ev0BLIP", "1770389300.000400", false), 1).statusCode())
        .isEqualTo(200);

    RecordedRequest card = slack.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(card.body(), "thread_ts")).isEqualTo("1770389000.000100");
    assertThat(FakeSlackApi.formValue(card.body(), "blocks")).contains("payment-svc");
  }

  @Test
  void mention_deliveredAgainAsARetryAfterItWasHandled_isAnsweredOnce() throws Exception {
    String event = mention("Ev0TWICE", "1770389300.000400", false);

    bot.event(event);
    slack.server().takeRequest("/api/chat.postMessage", WAIT);
    bot.eventRetry(event, 1);
    bot.eventRetry(event, 2);

    assertThat(answersAfterDrain()).doesNotContain("/api/chat.postMessage");
    assertThat(bot.jobsQueued()).isEqualTo(1);
  }

  /** Editing a message that mentions the bot delivers it again under a new event ID. */
  @Test
  void mention_editedAfterItWasAnswered_isNotAnsweredAgain() throws Exception {
    bot.event(mention("Ev0FIRST", "1770389300.000400", false));
    slack.server().takeRequest("/api/chat.postMessage", WAIT);

    bot.event(mention("Ev0EDITED", "1770389300.000400", true));

    assertThat(answersAfterDrain()).doesNotContain("/api/chat.postMessage");
    assertThat(bot.jobsQueued()).isEqualTo(1);
  }

  /**
   * The "Find traces" form carries the shortcut's response URL; submitted more than 30 minutes
   * later, Slack answers it {@code 404 expired_url}. The card must still reach the agent.
   */
  @Test
  void lookupForm_submittedAfterItsResponseUrlExpired_answersWithChatPostEphemeralInTheChannel()
      throws Exception {
    slack.expireResponseUrls();

    bot.postPayload(form("late"));

    RecordedRequest expired = slack.server().takeRequest("/response/late", WAIT);
    assertThat(expired.body()).contains("payment-svc");
    RecordedRequest card = slack.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(card.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(card.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(card.body(), "blocks"))
        .contains("payment-svc")
        .contains("Counting other customers");
    // An ephemeral card cannot be updated: the count it promised follows it, to the same agent.
    RecordedRequest count = slack.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(count.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(count.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(count.body(), "text"))
        .startsWith("👥 Same failure for 37 requests from 19 other customers");
  }

  /**
   * Neither the response URL nor the channel will take it (a DM between people): a DM from the bot.
   */
  @Test
  void slashCommand_responseUrlExpiredAndChannelClosedToTheBot_answersInADirectMessage()
      throws Exception {
    slack.expireResponseUrls();
    slack.postEphemeralError("channel_not_found");

    bot.post(
        "token=legacy&team_id=T0001&channel_id=D0PEOPLE&user_id=U0AGENT&command=%2Ftrace-lookup"
            + "&text=usr_k8x9m2+2026-02-06+14%3A15+UTC&response_url="
            + java.net.URLEncoder.encode(
                slack.responseUrl("gone").toString(), java.nio.charset.StandardCharsets.UTF_8)
            + "&trigger_id=1.2.3");

    slack.server().takeRequest("/api/chat.postEphemeral", WAIT);
    RecordedRequest dm = slack.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(dm.body(), "channel")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(dm.body(), "blocks")).contains("payment-svc");
    // The count of other customers follows into the direct message, addressed by its D… ID.
    RecordedRequest counted = slack.server().takeRequest("/api/chat.update", WAIT);
    assertThat(FakeSlackApi.formValue(counted.body(), "channel")).isEqualTo("D0DIRECT");
    assertThat(FakeSlackApi.formValue(counted.body(), "blocks"))
        .contains("other customers")
        .doesNotContain("Counting other customers");
  }

  @Test
  void shareButton_sameSignedRequestReplayedThreeTimes_postsOneCopy() throws Exception {
    String press = press("share_card", bot.buttonValue(CHECKOUT), "1770389002.000300", "share");

    for (int i = 0; i < 3; i++) {
      assertThat(bot.postPayload(press).statusCode()).isEqualTo(200);
    }

    slack.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(answersAfterDrain()).doesNotContain("/api/chat.postMessage");
    assertThat(bot.jobsQueued()).isEqualTo(1);
    assertThat(bot.auditLines())
        .filteredOn(line -> line.get("event").asText().equals("share"))
        .hasSize(1);
  }

  @Test
  void refreshButton_doubleClicked_refreshesOnce() throws Exception {
    bot.postPayload(
        press("refresh_card", bot.buttonValue(CHECKOUT), "1770389002.000300", "refresh"));
    bot.postPayload(
        press("refresh_card", bot.buttonValue(CHECKOUT), "1770389002.400300", "refresh"));

    slack.server().takeRequest("/response/refresh", WAIT);
    takeBlastRadiusUpdate("/response/refresh");
    assertThat(answersAfterDrain()).doesNotContain("/response/refresh");
    assertThat(bot.jobsQueued()).isEqualTo(1);
  }

  @Test
  void lookupForm_sameSubmissionReplayed_looksUpOnce() throws Exception {
    String submission = form("form-once");

    bot.postPayload(submission);
    bot.postPayload(submission);

    slack.server().takeRequest("/response/form-once", WAIT);
    takeBlastRadiusUpdate("/response/form-once");
    assertThat(answersAfterDrain()).doesNotContain("/response/form-once");
    assertThat(bot.jobsQueued()).isEqualTo(1);
  }

  /**
   * Takes the one update of a card with a failure: the blast-radius count replacing it in place
   * through the same response URL, after the card.
   */
  private void takeBlastRadiusUpdate(String path) throws Exception {
    RecordedRequest update = slack.server().takeRequest(path, WAIT);
    assertThat(update.body()).contains("\"replace_original\":true").contains("other customer");
  }

  /** Waits for the jobs to end, then returns the paths Slack was called at since the last take. */
  private List<String> answersAfterDrain() throws Exception {
    bot.close();
    List<String> paths = new ArrayList<>();
    while (slack.server().pending() > 0) {
      paths.add(slack.server().takeRequest(WAIT).path());
    }
    return paths;
  }

  /** An app_mention in a thread of C0SUPPORT by our agent; an edit carries {@code edited}. */
  private static String mention(String eventId, String ts, boolean edited) {
    return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
               + "\"event_id\":\""
        + eventId
        + "\",\"event_time\":1770389300,\"is_ext_shared_channel\":false,"
        + "\"authorizations\":[{\"enterprise_id\":null,\"team_id\":\"T0001\",\"user_id\":\"U0BOT\",\"is_bot\":true,"
        + "\"is_enterprise_install\":false}],\"event\":{\"type\":\"app_mention\",\"user\":\"U0AGENT\",\"text\":\"<@U0BOT>"
        + " usr_k8x9m2 2026-02-06 14:15 tz UTC\",\"ts\":\""
        + ts
        + "\",\"team\":\"T0001\","
        + "\"user_team\":\"T0001\",\"source_team\":\"T0001\",\"channel\":\"C0SUPPORT\","
        + "\"thread_ts\":\"1770389000.000100\",\"event_ts\":\""
        + ts
        + "\""
        + (edited ? ",\"edited\":{\"user\":\"U0AGENT\",\"ts\":\"1770389400.000000\"}" : "")
        + "}}";
  }

  private String press(String action, String value, String actionTs, String responseId) {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.3")
            .put("response_url", slack.responseUrl(responseId).toString());
    payload.set("user", JSON.createObjectNode().put("id", "U0AGENT").put("team_id", "T0001"));
    payload.set("team", JSON.createObjectNode().put("id", "T0001"));
    payload.set("channel", JSON.createObjectNode().put("id", "C0SUPPORT"));
    payload.set(
        "container",
        JSON.createObjectNode()
            .put("type", "message")
            .put("channel_id", "C0SUPPORT")
            .put("message_ts", "1770389000.000100")
            .put("is_ephemeral", true));
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", action)
        .put("block_id", "b1")
        .put("type", "button")
        .put("value", value)
        .put("action_ts", actionTs);
    return payload.toString();
  }

  /** The lookup form, submitted in C0SUPPORT outside a thread, answering at {@code responseId}. */
  private String form(String responseId) {
    ObjectNode values = JSON.createObjectNode();
    values.set(
        "user",
        JSON.createObjectNode()
            .set(
                "value",
                JSON.createObjectNode()
                    .put("type", "plain_text_input")
                    .put("value", "usr_k8x9m2")));
    values.set(
        "when",
        JSON.createObjectNode()
            .set(
                "value",
                JSON.createObjectNode()
                    .put("type", "plain_text_input")
                    .put("value", "2026-02-06 14:15")));
    values.set(
        "zone",
        JSON.createObjectNode()
            .set(
                "value",
                JSON.createObjectNode().put("type", "plain_text_input").put("value", "UTC")));
    ObjectNode metadata =
        JSON.createObjectNode()
            .put("c", "C0SUPPORT")
            .put("r", slack.responseUrl(responseId).toString())
            .put("k", "Zendesk #4512");
    ObjectNode view =
        JSON.createObjectNode()
            .put("id", "V0FORM")
            .put("type", "modal")
            .put("callback_id", "find_traces_form")
            .put("hash", "1770391000.abc")
            .put("private_metadata", metadata.toString());
    view.set("state", JSON.createObjectNode().set("values", values));
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "view_submission")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.4")
            .put("is_enterprise_install", false);
    payload.set("team", JSON.createObjectNode().put("id", "T0001").put("domain", "acme"));
    payload.set(
        "user",
        JSON.createObjectNode()
            .put("id", "U0AGENT")
            .put("username", "agent")
            .put("team_id", "T0001"));
    payload.set("view", view);
    return payload.toString();
  }
}
