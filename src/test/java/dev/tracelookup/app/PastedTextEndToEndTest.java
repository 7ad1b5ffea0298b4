package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What agents paste, end to end through signed requests and the fake Slack: a mention in an
 * escalation thread that names no customer reads the thread's first message; a ticket bot's post
 * whose only link is an attachment's {@code title_link}; text that names two customers, answered
 * with what was understood and the form prefilled.
 */
final class PastedTextEndToEndTest {
  private static final String SECRET = "test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(20);
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
  private FakeHttpServer zendesk;
  private Bot bot;

  @BeforeEach
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    slackApi.zone("U0AGENT", "Europe/Paris");
    zendesk =
        new FakeHttpServer(
            request ->
                request.path().equals("/api/v2/tickets/4512.json")
                    ? FakeHttpServer.Reply.json(TICKET)
                    : FakeHttpServer.Reply.status(404, "{\"error\":\"RecordNotFound\"}"));
    Path demo = Path.of("config/demo").toAbsolutePath();
    Path config =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            "backend:\n  directory: "
                + demo
                + "\n"
                + "incidents:\n  sources:\n    - {type: file, name: demo incidents, path: "
                + demo.resolve("incidents.yml")
                + "}\n"
                + "tickets:\n  zendesk:\n    url: "
                + zendesk.uri()
                + "\n    host: acme.zendesk.com\n"
                + "    email-env: ZENDESK_EMAIL\n    token-env: ZENDESK_API_TOKEN\n");
    Config loaded =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                config.toString(),
                "PORT",
                "0",
                "SLACK_API_URL",
                slackApi.apiUrl(),
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_BOT_TOKEN",
                "xoxb-test",
                "ZENDESK_EMAIL",
                "agent@acme.com",
                "ZENDESK_API_TOKEN",
                "zd-token"));
    bot = Bot.start(loaded, Clock.systemUTC(), Telemetry.noop());
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    zendesk.close();
    slackApi.close();
  }

  @Test
  void mention_inThreadWithNoCustomer_readsTheThreadsFirstMessageAndPostsTheCard()
      throws Exception {
    slackApi.threadParent(
        "C0SUPPORT",
        THREAD_TS,
        message(
            "Escalation: customer `usr_k8x9m2` cannot check out, it failed on 2026-02-06 at 14:15"
                + " UTC",
            "[]"));

    HttpResponse<String> ack = signed().event(mention("<@U0BOT> can you check this?"));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest read =
        slackApi.server().takeRequest("/api/conversations.replies", WAIT);
    assertThat(FakeSlackApi.formValue(read.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(read.body(), "ts")).isEqualTo(THREAD_TS);
    assertThat(FakeSlackApi.formValue(read.body(), "limit")).isEqualTo("1");
    assertThat(FakeSlackApi.formValue(read.body(), "inclusive")).isIn("1", "true");
    FakeHttpServer.RecordedRequest posted =
        slackApi.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo(THREAD_TS);
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains("POST payment-svc/charge")
        .doesNotContain("usr_k8x9m2");
  }

  @Test
  void mention_inThreadWhoseFirstMessageLinksTheTicketInAnAttachment_looksUpThatTicket()
      throws Exception {
    slackApi.threadParent(
        "C0SUPPORT",
        THREAD_TS,
        message(
            "",
            "[{\"fallback\":\"New ticket\",\"title\":\"Can't check out\","
                + "\"title_link\":\"https://acme.zendesk.com/agent/#/tickets/4512\"}]"));

    signed().event(mention("<@U0BOT>"));

    slackApi.server().takeRequest("/api/conversations.replies", WAIT);
    assertThat(zendesk.takeRequest(WAIT).path()).isEqualTo("/api/v2/tickets/4512.json");
    FakeHttpServer.RecordedRequest posted =
        slackApi.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks")).contains("POST payment-svc/charge");
  }

  @Test
  void mention_historyScopeMissing_tellsTheAgentWhatToAdd() throws Exception {
    slackApi.repliesError("missing_scope");

    signed().event(mention("<@U0BOT> can you check this?"));

    FakeHttpServer.RecordedRequest answer =
        slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(answer.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(answer.body(), "text"))
        .contains("channels:history")
        .contains("missing_scope")
        .contains("user ID");
  }

  @Test
  void mention_botNotInTheConversation_saysToInviteIt() throws Exception {
    slackApi.repliesError("not_in_channel");

    signed().event(mention("<@U0BOT>"));

    String answer =
        FakeSlackApi.formValue(
            slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT).body(), "text");
    assertThat(answer).contains("not_in_channel").contains("/invite @trace-lookup");
  }

  @Test
  void shortcut_ticketLinkOnlyInAnAttachmentsTitleLink_opensTheFormForThatTicket()
      throws Exception {
    HttpResponse<String> ack =
        signed()
            .payload(
                shortcut(
                    "New ticket",
                    "[{\"fallback\":\"New ticket: Can't check out\",\"title\":\"Can't check"
                        + " out\",\"title_link\":\"https://acme.zendesk.com/agent/tickets/4512\","
                        + "\"text\":\"Priority: high\"}]"));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest opened = slackApi.server().takeRequest("/api/views.open", WAIT);
    assertThat(FakeSlackApi.formValue(opened.body(), "view")).contains("Reading Zendesk #4512");
    String filled =
        FakeSlackApi.formValue(
            slackApi.server().takeRequest("/api/views.update", WAIT).body(), "view");
    assertThat(filled).contains("\"initial_value\":\"usr_k8x9m2\"");
  }

  @Test
  void command_twoPossibleCustomers_quotesWhatWasUnderstoodAndOffersThePrefilledForm()
      throws Exception {
    HttpResponse<String> ack =
        signed()
            .command(
                "U0AGENT",
                "C0SUPPORT",
                "usr_k8x9m2 and usr_p3q4r5 both failed at 2:15pm",
                slackApi.responseUrl("command"));

    assertThat(ack.statusCode()).isEqualTo(200);
    JsonObject answer = JsonParser.parseString(ack.body()).getAsJsonObject();
    assertThat(ack.body())
        .contains("`usr_k8x9m2` or `usr_p3q4r5`")
        .contains("I understood: user usr_k8x9m2 or usr_p3q4r5, time 2:15pm")
        .contains("Check it in the form");
    JsonObject button = button(answer.getAsJsonArray("blocks"), "open_lookup_form");

    signed().payload(press(button.get("value").getAsString()));

    FakeHttpServer.RecordedRequest opened = slackApi.server().takeRequest("/api/views.open", WAIT);
    assertThat(FakeSlackApi.formValue(opened.body(), "trigger_id")).isEqualTo("1.2.9");
    String view = FakeSlackApi.formValue(opened.body(), "view");
    assertThat(view)
        .contains("\"callback_id\":\"find_traces_form\"")
        .contains("\"initial_value\":\"usr_k8x9m2\"")
        .contains("\"initial_value\":\"2:15pm\"")
        .contains("\"initial_value\":\"Europe/Paris\"")
        .contains("More than one thing here could be the customer");
  }

  @Test
  void command_agentWithABritishLocale_readsAShortDateDayFirst() throws Exception {
    slackApi.zone("U0BRIT", "Europe/London");
    slackApi.locale("U0BRIT", "en-GB");

    HttpResponse<String> ack =
        signed()
            .command(
                "U0BRIT", "C0SUPPORT", "usr_k8x9m2 6/2/2026 14:15", slackApi.responseUrl("gb"));

    assertThat(ack.body()).contains("between 14:00 and 14:30 UTC").contains("2026-02-06");
    FakeHttpServer.RecordedRequest asked = slackApi.server().takeRequest("/api/users.info", WAIT);
    assertThat(FakeSlackApi.formValue(asked.body(), "include_locale")).isIn("1", "true");
  }

  private SignedSlackRequests signed() {
    return new SignedSlackRequests(bot.uri(), SECRET);
  }

  private static JsonObject button(JsonArray blocks, String actionId) {
    for (JsonElement block : blocks) {
      JsonObject object = block.getAsJsonObject();
      if (object.has("elements") && object.get("type").getAsString().equals("actions")) {
        for (JsonElement element : object.getAsJsonArray("elements")) {
          if (element.getAsJsonObject().get("action_id").getAsString().equals(actionId)) {
            return element.getAsJsonObject();
          }
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocks);
  }

  /** A thread's first message as conversations.replies returns it. */
  private static String message(String text, String attachments) {
    return "{\"type\":\"message\",\"user\":\"U0OTHER\",\"text\":"
        + new Gson().toJson(text)
        + ",\"attachments\":"
        + attachments
        + ",\"thread_ts\":\""
        + THREAD_TS
        + "\",\"reply_count\":2,\"reply_users_count\":2,\"latest_reply\":\"1770389300.000400\","
        + "\"reply_users\":[\"U0OTHER\",\"U0AGENT\"],\"is_locked\":false,\"subscribed\":false,"
        + "\"ts\":\""
        + THREAD_TS
        + "\"}";
  }

  private static String mention(String text) {
    return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\","
        + "\"type\":\"event_callback\",\"event_id\":\"Ev0PASTE"
        + Math.abs(text.hashCode())
        + "\",\"event_time\":1770389300,\"event\":{\"type\":\"app_mention\","
        + "\"user\":\"U0AGENT\",\"team\":\"T0001\",\"user_team\":\"T0001\",\"text\":"
        + new Gson().toJson(text)
        + ",\"ts\":\"1770389300.000400\",\"channel\":\"C0SUPPORT\",\"thread_ts\":\""
        + THREAD_TS
        + "\",\"event_ts\":\"1770389300.000400\"}}";
  }

  private String shortcut(String text, String attachments) {
    return "{\"type\":\"message_action\",\"callback_id\":\"find_traces\","
        + "\"trigger_id\":\"13345224609.738474920.8088930838d88f\",\"response_url\":\""
        + slackApi.responseUrl("shortcut")
        + "\",\"message_ts\":\"1770389100.000200\",\"action_ts\":\"1770389200.000300\","
        + "\"token\":\"legacy\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},"
        + "\"user\":{\"id\":\"U0AGENT\",\"name\":\"agent\",\"username\":\"agent\","
        + "\"team_id\":\"T0001\"},\"message\":{\"type\":\"message\",\"subtype\":\"bot_message\","
        + "\"bot_id\":\"B0ZENDESK\",\"ts\":\"1770389100.000200\",\"text\":"
        + new Gson().toJson(text)
        + ",\"attachments\":"
        + attachments
        + "}}";
  }

  private String press(String value) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\",\"username\":\"agent\","
        + "\"team_id\":\"T0001\"},\"api_app_id\":\"A0001\",\"token\":\"legacy\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\","
        + "\"channel_id\":\"C0SUPPORT\",\"is_ephemeral\":true},\"trigger_id\":\"1.2.9\","
        + "\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},\"response_url\":\""
        + slackApi.responseUrl("press")
        + "\",\"actions\":[{\"action_id\":\"open_lookup_form\",\"block_id\":\"b1\","
        + "\"text\":{\"type\":\"plain_text\",\"text\":\"Check it in the form\"},\"value\":"
        + new Gson().toJson(value)
        + ",\"type\":\"button\",\"action_ts\":\"1700000002.000300\"}]}";
  }
}
