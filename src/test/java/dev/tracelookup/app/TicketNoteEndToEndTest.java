package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import dev.tracelookup.tickets.FakeZendeskNotes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's write-back, signed end to end: "Find traces" on a message linking Zendesk #4512 opens
 * the form, Submit puts the card in the thread with "Add note to ticket", and pressing it writes
 * one private comment to the (fake) Zendesk with the error path and the incident, naming the
 * customer by fingerprint only. Pressing again says "already noted" and writes nothing.
 */
final class TicketNoteEndToEndTest {
  private static final String SECRET = "test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String THREAD_TS = "1770389000.000100";
  private static final String TICKET =
      "{\"ticket\":{\"id\":4512,\"created_at\":\"2026-02-06T14:40:00Z\",\"subject\":\"Can't check"
          + " out\",\"description\":\"I tried to place an order at 9:15 AM and it just showed an"
          + " error.\",\"requester_id\":20978392,\"submitter_id\":76872,\"custom_fields\":[]},"
          + "\"users\":[{\"id\":20978392,\"name\":\"Jo Customer\",\"external_id\":\"usr_k8x9m2\","
          + "\"time_zone\":\"Eastern Time (US & Canada)\",\"iana_time_zone\":\"America/New_York\","
          + "\"user_fields\":{}}]}";
  @TempDir Path dir;
  private FakeSlackApi slackApi;
  private FakeZendeskNotes zendesk;
  private Bot bot;

  private void start(boolean writeAccess) throws Exception {
    slackApi = new FakeSlackApi();
    slackApi.zone("U0AGENT", "Europe/Paris");
    zendesk =
        new FakeZendeskNotes(
            request ->
                request.path().equals("/api/v2/tickets/4512.json")
                    ? Reply.json(TICKET)
                    : new Reply(
                        404, "application/json", "{\"error\":\"RecordNotFound\"}", Map.of()));
    Path demo = Path.of("config/demo").toAbsolutePath();
    Path config =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            "backend:\n  directory: "
                + demo
                + "\naudit:\n  destination: file\n  path: "
                + dir.resolve("audit.jsonl")
                + "\nincidents:\n  sources:\n    - {type: file, name: demo incidents, path: "
                + demo.resolve("incidents.yml")
                + "}\ntickets:\n  zendesk:\n    url: "
                + zendesk.uri()
                + "\n    host: acme.zendesk.com\n"
                + "    email-env: ZENDESK_EMAIL\n    token-env: ZENDESK_API_TOKEN\n"
                + (writeAccess
                    ? "    write-email-env: ZENDESK_WRITE_EMAIL\n"
                        + "    write-token-env: ZENDESK_WRITE_TOKEN\n"
                    : ""));
    Map<String, String> env = new HashMap<>();
    env.put("TRACE_LOOKUP_CONFIG", config.toString());
    env.put("PORT", "0");
    env.put("SLACK_API_URL", slackApi.apiUrl());
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_BOT_TOKEN", "xoxb-test");
    env.put("ZENDESK_EMAIL", "reader@acme.com");
    env.put("ZENDESK_API_TOKEN", "zd-read-token");
    env.put("ZENDESK_WRITE_EMAIL", "notes-bot@acme.com");
    env.put("ZENDESK_WRITE_TOKEN", "zd-write-token");
    Config loaded = ConfigLoader.load(env);
    bot = Bot.start(loaded, Clock.systemUTC(), Telemetry.noop());
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    zendesk.close();
    slackApi.close();
  }

  @Test
  void addNote_shortcutCard_writesOnePrivateNoteThenSaysAlreadyNoted() throws Exception {
    start(true);
    JsonNode card = cardFromTheShortcut();
    String value = noteButtonValue(card).orElseThrow(() -> new AssertionError("no note button"));

    press(value, "note-1", "1770389300.000100");

    String answer = slackApi.server().takeRequest("/response/note-1", WAIT).body();
    assertThat(answer)
        .contains("Added an internal note to Zendesk #4512")
        .contains("https://acme.zendesk.com/agent/tickets/4512")
        .contains("\"response_type\":\"ephemeral\"");
    assertThat(zendesk.comments()).hasSize(1);
    ObjectNode note = zendesk.comments().get(0);
    assertThat(note.path("public").asBoolean(true)).isFalse();
    assertThat(note.path("html_body").asText())
        .contains("POST payment-svc/charge")
        .contains("INC-4521")
        .contains("customer u:")
        .doesNotContain("usr_k8x9m2");
    FakeHttpServer.RecordedRequest put =
        zendesk.server().takeRequest("/api/v2/tickets/4512.json", WAIT);
    while (!put.method().equals("PUT")) {
      put = zendesk.server().takeRequest("/api/v2/tickets/4512.json", WAIT);
    }
    assertThat(JSON.readTree(put.body()).path("ticket").path("comment").path("public").asBoolean())
        .isFalse();
    assertThat(put.header("Authorization"))
        .isEqualTo(
            "Basic "
                + java.util.Base64.getEncoder()
                    .encodeToString("notes-bot@acme.com/token:zd-write-token".getBytes()));

    // Pressed again later, on another copy of the card: the note is found, not written twice.
    press(value, "note-2", "1770389400.000100");

    String again = slackApi.server().takeRequest("/response/note-2", WAIT).body();
    assertThat(again).contains("already noted").contains("/agent/tickets/4512");
    assertThat(zendesk.writes()).isEqualTo(1);
    String audit = Files.readString(dir.resolve("audit.jsonl"));
    assertThat(
            audit
                .lines()
                .map(line -> readTree(line))
                .filter(line -> line.path("event").asText().equals("ticket_note"))
                .map(line -> line.path("outcome").asText()))
        .containsExactly("requested", "written", "requested", "already_noted");
    assertThat(audit).doesNotContain("usr_k8x9m2");
  }

  private static JsonNode readTree(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException unreadable) {
      throw new java.io.UncheckedIOException(unreadable);
    }
  }

  @Test
  void addNote_valueEditedToAnotherTicket_isRefusedAndWritesNothing() throws Exception {
    start(true);
    String value = noteButtonValue(cardFromTheShortcut()).orElseThrow();

    press(value.replace("tickets/4512", "tickets/4513"), "tampered", "1770389500.000100");

    assertThat(slackApi.server().takeRequest("/response/tampered", WAIT).body())
        .contains("no longer carries a ticket and lookup I can read")
        .contains("Nothing was written");
    assertThat(zendesk.writes()).isZero();
  }

  @Test
  void card_withoutWriteCredentials_offersNoNoteButton() throws Exception {
    start(false);

    JsonNode card = cardFromTheShortcut();

    assertThat(card.toString()).contains("Post to thread").contains("INC-4521");
    assertThat(noteButtonValue(card)).isEmpty();
    assertThat(card.toString()).doesNotContain("Add note to ticket");
  }

  /** Runs the shortcut, submits the prefilled form, and returns the card's blocks. */
  private JsonNode cardFromTheShortcut() throws Exception {
    SignedSlackRequests slack = new SignedSlackRequests(bot.uri(), SECRET);
    HttpResponse<String> ack =
        slack.payload(
            shortcut(
                "Customer can't check out, see <https://acme.zendesk.com/agent/tickets/4512>"));
    assertThat(ack.statusCode()).isEqualTo(200);
    slackApi.server().takeRequest("/api/views.open", WAIT);
    JsonObject form =
        JsonParser.parseString(
                FakeSlackApi.formValue(
                    slackApi.server().takeRequest("/api/views.update", WAIT).body(), "view"))
            .getAsJsonObject();
    HttpResponse<String> submitted =
        slack.payload(
            submission(
                form.get("private_metadata").getAsString(),
                "usr_k8x9m2",
                "2026-02-06 09:00-09:30",
                "America/New_York"));
    assertThat(submitted.body()).doesNotContain("errors");
    FakeHttpServer.RecordedRequest posted =
        slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo(THREAD_TS);
    return JSON.readTree(FakeSlackApi.formValue(posted.body(), "blocks"));
  }

  private static Optional<String> noteButtonValue(JsonNode blocks) {
    for (JsonNode button : blocks.findParents("action_id")) {
      if (button.path("action_id").asText().equals("add_ticket_note")) {
        assertThat(button.path("text").path("text").asText()).isEqualTo("Add note to ticket");
        return Optional.of(button.path("value").asText());
      }
    }
    return Optional.empty();
  }

  private void press(String value, String responseId, String messageTs) throws Exception {
    ObjectNode payload =
        JSON.createObjectNode()
            .put("type", "block_actions")
            .put("api_app_id", "A0001")
            .put("trigger_id", "1.2.3")
            .put("response_url", slackApi.responseUrl(responseId).toString());
    payload.set("user", JSON.createObjectNode().put("id", "U0AGENT").put("team_id", "T0001"));
    payload.set("team", JSON.createObjectNode().put("id", "T0001"));
    payload.set("channel", JSON.createObjectNode().put("id", "C0SUPPORT"));
    payload.set(
        "container",
        JSON.createObjectNode()
            .put("type", "message")
            .put("channel_id", "C0SUPPORT")
            .put("message_ts", messageTs)
            .put("thread_ts", THREAD_TS)
            .put("is_ephemeral", true));
    payload
        .putArray("actions")
        .addObject()
        .put("action_id", "add_ticket_note")
        .put("block_id", "card_actions")
        .put("type", "button")
        .put("value", value)
        .put("action_ts", messageTs);
    HttpResponse<String> ack =
        new SignedSlackRequests(bot.uri(), SECRET).payload(payload.toString());
    assertThat(ack.statusCode()).isEqualTo(200);
  }

  private String shortcut(String text) {
    return "{\"type\":\"message_action\",\"callback_id\":\"find_traces\",\"trigger_id\":\"1.2.3\","
        + "\"response_url\":\""
        + slackApi.responseUrl("shortcut")
        + "\",\"message_ts\":\"1770389100.000200\",\"action_ts\":\"1770389200.000300\","
        + "\"token\":\"legacy\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},"
        + "\"user\":{\"id\":\"U0AGENT\",\"name\":\"agent\",\"username\":\"agent\","
        + "\"team_id\":\"T0001\"},\"message\":{\"type\":\"message\",\"user\":\"U0OTHER\","
        + "\"ts\":\"1770389100.000200\",\"thread_ts\":\""
        + THREAD_TS
        + "\",\"text\":"
        + new com.google.gson.Gson().toJson(text)
        + "}}";
  }

  private static String submission(String metadata, String userId, String when, String zone) {
    JsonObject values = new JsonObject();
    values.add("user", input(userId));
    values.add("when", input(when));
    values.add("zone", input(zone));
    values.add("service", input(null));
    JsonObject view = new JsonObject();
    view.addProperty("id", "V0FORM");
    view.addProperty("type", "modal");
    view.addProperty("callback_id", "find_traces_form");
    view.addProperty("private_metadata", metadata);
    view.addProperty("hash", "h2");
    JsonObject state = new JsonObject();
    state.add("values", values);
    view.add("state", state);
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "view_submission");
    payload.add("team", JsonParser.parseString("{\"id\":\"T0001\",\"domain\":\"acme\"}"));
    payload.add(
        "user",
        JsonParser.parseString(
            "{\"id\":\"U0AGENT\",\"username\":\"agent\",\"team_id\":\"T0001\"}"));
    payload.addProperty("api_app_id", "A0001");
    payload.addProperty("trigger_id", "1.2.4");
    payload.add("view", view);
    return payload.toString();
  }

  private static JsonObject input(String value) {
    JsonObject field = new JsonObject();
    field.addProperty("type", "plain_text_input");
    if (value != null) {
      field.addProperty("value", value);
    }
    JsonObject block = new JsonObject();
    block.add("value", field);
    return block;
  }
}
