package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security review: button values. Card buttons carry their lookup (Share, Refresh), a trace ID
 * (Show trace, Draft reply) or a ticket (ticket picker). Values that were edited, garbage or
 * oversized get a clear private answer and run nothing; an old value redoes the same lookup with
 * fresh data; whoever presses is the one checked against the access rules and audited.
 */
final class CardButtonValuesEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A week-old card's lookup: the write-up's failing checkout. */
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

  // One bot for the class (starting one indexes the demo data); each test counts from where it
  // began.
  @TempDir static Path dir;
  private static SignedSlackBot bot;
  private long jobsBefore;
  private int auditLinesBefore;

  @BeforeAll
  static void start() throws Exception {
    bot =
        new SignedSlackBot(
            dir, "access:\n  user-groups: [S0AGENTS]\n  ask: \"#support-tooling\"\n");
    bot.slackApi().userGroup("S0AGENTS", "U0AGENT", "U0OTHER");
    bot.slackApi().zone("U0AGENT", "UTC");
    bot.slackApi().zone("U0OTHER", "UTC");
    bot.slackApi().zone("U0STRANGER", "UTC");
  }

  @AfterAll
  static void stop() throws Exception {
    bot.close();
  }

  @BeforeEach
  void mark() throws Exception {
    jobsBefore = bot.jobsQueued();
    auditLinesBefore = bot.auditLines().size();
  }

  @Test
  void shareButton_valueEditedToAnotherCustomer_isRefusedAndLooksUpNobody() throws Exception {
    String edited = bot.buttonValue(CHECKOUT).replace("usr_k8x9m2", "usr_other1");

    press("U0AGENT", "share_card", edited, "edited");

    assertRefusedWithoutALookup("edited", "That button no longer carries a lookup I can read.");
  }

  @Test
  void refreshButton_valueEditedToAWiderWindow_isRefusedAndLooksUpNobody() throws Exception {
    String value = bot.buttonValue(CHECKOUT);
    String widened =
        value.replace(
            "\"f\":" + CHECKOUT.window().from().getEpochSecond(),
            "\"f\":" + CHECKOUT.window().from().minus(Duration.ofHours(6)).getEpochSecond());
    assertThat(widened).isNotEqualTo(value);

    press("U0AGENT", "refresh_card", widened, "widened");

    assertRefusedWithoutALookup("widened", "That button no longer carries a lookup I can read.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"share_card", "refresh_card"})
  void cardButtons_garbageEmptyOrOversizedValue_areRefusedClearly(String action) throws Exception {
    for (String value :
        List.of("garbage", "", "{\"v\":1}", "~", bot.buttonValue(CHECKOUT) + "x".repeat(3_000))) {
      press("U0AGENT", action, value, "garbage");

      RecordedRequest answer = bot.slackApi().server().takeRequest("/response/garbage", WAIT);
      assertThat(answer.body())
          .contains("no longer carries a lookup")
          .contains("\"response_type\":\"ephemeral\"");
    }
    assertThat(bot.jobsQueued()).isEqualTo(jobsBefore);
  }

  @Test
  void showTraceButton_tamperedTraceId_answersPrivatelyWithoutATrace() throws Exception {
    press("U0AGENT", "show_trace", "../../admin" + "f".repeat(3_000), "show-tampered");

    RecordedRequest answer = bot.slackApi().server().takeRequest("/response/show-tampered", WAIT);
    assertThat(answer.body())
        .contains("\"response_type\":\"ephemeral\"")
        .doesNotContain("payment-svc")
        .doesNotContain("Exception");
  }

  @Test
  void ticketPickButton_tamperedValue_isRefusedClearly() throws Exception {
    press(
        "U0AGENT",
        "pick_ticket_0",
        "{\"u\":\"https://evil.example.com/tickets/1\",\"f\":\"{}\"}",
        "pick");

    RecordedRequest answer = bot.slackApi().server().takeRequest("/response/pick", WAIT);
    assertThat(answer.body()).contains("That button no longer points at a ticket I can read.");
    assertThat(bot.jobsQueued()).isEqualTo(jobsBefore);
  }

  @Test
  void refreshButton_replayedWeekOldValue_redoesThatWindowWithFreshDataForThePresser()
      throws Exception {
    press("U0OTHER", "refresh_card", bot.buttonValue(CHECKOUT), "replayed");

    RecordedRequest answer = bot.slackApi().server().takeRequest("/response/replayed", WAIT);
    assertThat(answer.body())
        .contains("\"replace_original\":true")
        .contains("POST payment-svc/charge");
    JsonNode line = newAuditLine();
    assertThat(line.get("event").asText()).isEqualTo("refresh");
    assertThat(line.get("slack_user").asText()).isEqualTo("U0OTHER");
    assertThat(line.get("window_from").asText()).isEqualTo("2026-02-06T14:00:00Z");
  }

  @Test
  void shareButton_pressedByAnotherAllowedAgent_isAuditedAsThePresserAndTheCopyNamesThem()
      throws Exception {
    press("U0OTHER", "share_card", bot.buttonValue(CHECKOUT), "shared");

    RecordedRequest posted = bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains("Shared by \\u003c@U0OTHER\\u003e")
        .doesNotContain("usr_k8x9m2");
    JsonNode line = newAuditLine();
    assertThat(line.get("event").asText()).isEqualTo("share");
    assertThat(line.get("slack_user").asText()).isEqualTo("U0OTHER");
    assertThat(line.get("shared").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"share_card", "refresh_card", "show_trace", "draft_reply", "pick_ticket_0"})
  void cardButtons_pressedBySomeoneOutsideTheAccessRules_areRefusedAndRunNothing(String action)
      throws Exception {
    String value =
        action.endsWith("_card") ? bot.buttonValue(CHECKOUT) : "4bf92f3577b34da6a3ce929d0e0e4736";

    press("U0STRANGER", action, value, "stranger");

    assertRefusedWithoutALookup("stranger", "Ask #support-tooling for access.");
    JsonNode line = newAuditLine();
    assertThat(line.get("event").asText()).isEqualTo("denied");
    assertThat(line.get("slack_user").asText()).isEqualTo("U0STRANGER");
  }

  /**
   * Returns the one audit line the press wrote. A lookup's count of other customers is audited on
   * its own line, later and from another thread, so those lines are left out.
   */
  private JsonNode newAuditLine() throws Exception {
    List<JsonNode> lines =
        bot.auditLines().subList(auditLinesBefore, bot.auditLines().size()).stream()
            .filter(line -> !line.get("event").asText().equals("blast_radius"))
            .toList();
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  private void assertRefusedWithoutALookup(String responseId, String refusal) throws Exception {
    RecordedRequest answer = bot.slackApi().server().takeRequest("/response/" + responseId, WAIT);
    assertThat(answer.body())
        .contains(refusal)
        .contains("\"response_type\":\"ephemeral\"")
        .doesNotContain("payment-svc");
    assertThat(bot.jobsQueued()).isEqualTo(jobsBefore);
  }

  private HttpResponse<String> press(String user, String actionId, String value, String responseId)
      throws Exception {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.3")
            .put("response_url", bot.slackApi().responseUrl(responseId).toString());
    payload.set("user", JSON.createObjectNode().put("id", user).put("team_id", "T0001"));
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
        .put("action_id", actionId)
        .put("block_id", "b1")
        .put("type", "button")
        .put("value", value)
        .put("action_ts", "1770389002.000300");
    HttpResponse<String> ack = bot.postPayload(payload.toString());
    assertThat(ack.statusCode()).isEqualTo(200);
    return ack;
  }
}
