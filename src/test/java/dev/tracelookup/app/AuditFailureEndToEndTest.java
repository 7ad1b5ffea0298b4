package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log fails closed: while it cannot be written no customer data is shown, the agent is
 * told why, and {@code /readyz} says the bot is not ready; {@code audit.on-failure: deliver} keeps
 * answering. Show trace and reply drafts are audited with the trace and the customer's fingerprint.
 */
final class AuditFailureEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMMAND = "usr_k8x9m2 2026-02-06 14:15 UTC";
  private static final String WITHHELD = "The audit log cannot be written right now";
  private final HttpClient http = HttpClient.newHttpClient();
  @TempDir Path dir;
  private SignedSlackBot bot;

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      writable(bot);
      bot.close();
    }
  }

  private void start(String config) throws Exception {
    bot =
        new SignedSlackBot(
            dir,
            config,
            slack -> slack.zone("U0AGENT", "UTC"),
            Map.of("LOOKUP_API_TOKEN", "api-token"));
  }

  /** A directory where the audit file should be: every write fails, even for root. */
  private static void unwritable(SignedSlackBot bot) throws Exception {
    Files.deleteIfExists(bot.auditFile());
    Files.createDirectory(bot.auditFile());
  }

  private static void writable(SignedSlackBot bot) throws Exception {
    if (Files.isDirectory(bot.auditFile())) {
      Files.delete(bot.auditFile());
    }
  }

  private RecordedRequest command(String responseId) throws Exception {
    new SignedSlackRequests(bot.uri(), SignedSlackBot.SECRET)
        .command("U0AGENT", "C0SUPPORT", COMMAND, bot.slackApi().responseUrl(responseId));
    return bot.slackApi().server().takeRequest("/response/" + responseId, WAIT);
  }

  private HttpResponse<String> readyz() throws Exception {
    return http.send(
        HttpRequest.newBuilder(bot.uri().resolve("/readyz")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode auditDependency(HttpResponse<String> readyz) throws Exception {
    for (JsonNode dependency : JSON.readTree(readyz.body()).get("dependencies")) {
      if (dependency.get("kind").asText().equals("audit_log")) {
        return dependency;
      }
    }
    throw new AssertionError("no audit_log dependency in " + readyz.body());
  }

  @Test
  void slashCommand_auditLogUnwritable_withholdsTheCardSaysWhyAndReadyzIsNotReady()
      throws Exception {
    start("");
    unwritable(bot);

    RecordedRequest answer = command("withheld");
    HttpResponse<String> ready = readyz();

    assertThat(answer.body())
        .contains(WITHHELD)
        .contains("\"response_type\":\"ephemeral\"")
        .doesNotContain("payment-svc")
        .doesNotContain("502")
        .doesNotContain("Trace ");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("not_ready");
    JsonNode audit = auditDependency(ready);
    assertThat(audit.get("required").asBoolean()).isTrue();
    assertThat(audit.get("status").asText()).isEqualTo("down");
    assertThat(audit.get("detail").asText())
        .contains("cannot write")
        .contains("1 entry lost")
        .contains("lookups are withheld")
        .doesNotContain(dir.toString());
  }

  @Test
  void slashCommand_auditLogUnwritableWithDeliverOnFailure_deliversTheCardAndReadyzStaysUpDegraded()
      throws Exception {
    // SignedSlackBot writes the audit: section last but for what follows, so this line joins it.
    start("  on-failure: deliver\n");
    unwritable(bot);

    RecordedRequest answer = command("delivered");
    HttpResponse<String> ready = readyz();

    assertThat(answer.body()).contains("payment-svc").doesNotContain(WITHHELD);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("status").asText()).isEqualTo("degraded");
    JsonNode audit = auditDependency(ready);
    assertThat(audit.get("required").asBoolean()).isFalse();
    assertThat(audit.get("status").asText()).isEqualTo("down");
    assertThat(audit.get("detail").asText()).contains("answers are delivered unaudited");
  }

  @Test
  void readyz_auditLogWritableAgain_isReadyAndTheLogRecordsTheGap() throws Exception {
    start("");
    unwritable(bot);
    command("lost-1");
    command("lost-2");

    writable(bot);
    HttpResponse<String> ready = readyz();

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(auditDependency(ready).get("status").asText()).isEqualTo("up");
    List<JsonNode> lines = bot.auditLines();
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0).get("event").asText()).isEqualTo("audit_gap");
    assertThat(lines.get(0).get("outcome").asText()).isEqualTo("resumed");
    assertThat(lines.get(0).get("result_count").asInt()).isEqualTo(2);
    assertThat(lines.get(0).get("window_from").isNull()).isFalse();
    assertThat(command("after").body()).contains("payment-svc");
  }

  @Test
  void mention_auditLogUnwritable_postsNothingInTheThreadAndTellsTheAskerAlone() throws Exception {
    start("");
    unwritable(bot);

    bot.event(
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
            + "\"event_id\":\"Ev0AUDIT\",\"event_time\":1770389300,\"is_ext_shared_channel\":false,\"event\":{"
            + "\"type\":\"app_mention\",\"user\":\"U0AGENT\",\"team\":\"T0001\",\"user_team\":\"T0001\",\"text\":\"<@U0BOT>"
            + " usr_k8x9m2 2026-02-06 14:15 tz UTC\",\"ts\":\"1770389300.000400\","
            + "\"channel\":\"C0SUPPORT\",\"thread_ts\":\"1770389000.000100\",\"event_ts\":\"1770389300.000400\"}}");

    RecordedRequest told = bot.slackApi().server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(told.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(told.body(), "text")).contains(WITHHELD);
    assertThat(bot.slackApi().server().pending()).isZero();
  }

  @Test
  void apiLookup_auditLogUnwritable_is503WithoutCustomerData() throws Exception {
    start("");
    unwritable(bot);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    bot.uri()
                        .resolve(
                            "/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z&end=2026-02-06T14:30:00Z"))
                .header("Authorization", "Bearer api-token")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .contains("audit log")
        .doesNotContain("payment-svc")
        .doesNotContain("trace_id");
  }

  @Test
  void showTraceAndDraftReply_pressedOnACard_areAuditedWithTheTraceIdAndTheCustomerFingerprint()
      throws Exception {
    start("");
    JsonNode card = JSON.readTree(command("card").body());
    String showValue = buttonValue(card, "show_trace").orElseThrow();
    String draftValue = buttonValue(card, "draft_reply").orElseThrow();
    assertThat(showValue).doesNotContain("usr_k8x9m2");

    press("show_trace", showValue, "show");
    bot.slackApi().server().takeRequest("/response/show", WAIT);
    press("draft_reply", draftValue, "draft");
    bot.slackApi().server().takeRequest("/api/views.update", WAIT);

    String fingerprint = SignedSlackBot.fingerprints().of("usr_k8x9m2");
    JsonNode shown = line("show_trace");
    assertThat(shown.get("user_hash").asText()).isEqualTo(fingerprint);
    assertThat(shown.get("trace_id").asText())
        .matches("[0-9a-f]{32}")
        .isEqualTo(showValue.substring(0, 32));
    assertThat(shown.get("outcome").asText()).isEqualTo("found");
    JsonNode drafted = line("reply_draft");
    assertThat(drafted.get("user_hash").asText()).isEqualTo(fingerprint);
    assertThat(drafted.get("trace_id").asText()).isEqualTo(draftValue.substring(0, 32));
    assertThat(bot.auditLines().toString()).doesNotContain("usr_k8x9m2");
  }

  @Test
  void showTrace_valueEditedToAnotherCustomer_isRefusedAndShowsNothing() throws Exception {
    start("");
    String value = buttonValue(JSON.readTree(command("card").body()), "show_trace").orElseThrow();
    String edited =
        value.replace(
            SignedSlackBot.fingerprints().of("usr_k8x9m2"),
            SignedSlackBot.fingerprints().of("usr_other1"));
    assertThat(edited).isNotEqualTo(value);

    press("show_trace", edited, "edited");

    RecordedRequest answer = bot.slackApi().server().takeRequest("/response/edited", WAIT);
    assertThat(answer.body()).contains("no longer carries a trace").doesNotContain("payment-svc");
  }

  private JsonNode line(String event) throws Exception {
    return bot.auditLines().stream()
        .filter(line -> line.get("event").asText().equals(event))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + event + " line"));
  }

  private void press(String action, String value, String responseId) throws Exception {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.3")
            .put("response_url", bot.slackApi().responseUrl(responseId).toString());
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
        .put("action_ts", "1770389002.000300");
    assertThat(bot.postPayload(payload.toString()).statusCode()).isEqualTo(200);
  }

  /** Returns the value of the first button with that action ID anywhere in the message. */
  private static Optional<String> buttonValue(JsonNode node, String actionId) {
    if (node.isObject() && actionId.equals(node.path("action_id").asText()) && node.has("value")) {
      return Optional.of(node.get("value").asText());
    }
    for (JsonNode child : node) {
      Optional<String> found = buttonValue(child, actionId);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
