package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Customer can't check out, see https://acme.zendesk.com/agent/tickets/4512", in a thread: the
 * shortcut opens the form at once, fills it from the ticket (requester's user ID, the time stated
 * in the ticket, the requester's zone), and Submit puts the card in that thread.
 */
final class FindTracesShortcutEndToEndTest {
  private static final String SECRET = "test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String THREAD_TS = "1770389000.000100";
  private static final String TICKET =
      "{\"ticket\":{\"id\":4512,\"created_at\":\"2026-02-06T14:40:00Z\",\"subject\":\"Can't check"
          + " out\",\"description\":\"I tried to place an order at 9:15 AM and it just showed an"
          + " error.\","
          + "\"requester_id\":20978392,\"submitter_id\":76872,\"custom_fields\":[]},\"users\":[{\"id\":20978392,\"name\":\"Jo"
          + " Customer\",\"external_id\":\"usr_k8x9m2\",\"time_zone\":\"Eastern Time (US &"
          + " Canada)\",\"iana_time_zone\":\"America/New_York\",\"user_fields\":{}},{\"id\":76872,\"name\":\"Sam"
          + " Agent\",\"external_id\":\"agent-sam\",\"time_zone\":\"London\","
          + "\"iana_time_zone\":\"Europe/London\",\"user_fields\":{}}]}";
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();
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

  private HttpResponse<String> postPayload(String json) throws Exception {
    return new SignedSlackRequests(bot.uri(), SECRET).payload(json);
  }

  private String shortcut(String text) {
    return "{\"type\":\"message_action\",\"callback_id\":\"find_traces\",\"trigger_id\":\"13345224609.738474920.8088930838d88f\","
               + "\"response_url\":\""
        + slackApi.responseUrl("shortcut")
        + "\",\"message_ts\":\"1770389100.000200\","
        + "\"action_ts\":\"1770389200.000300\",\"token\":\"legacy\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},"
        + "\"user\":{\"id\":\"U0AGENT\",\"name\":\"agent\",\"username\":\"agent\",\"team_id\":\"T0001\"},"
        + "\"message\":{\"type\":\"message\",\"user\":\"U0OTHER\",\"ts\":\"1770389100.000200\",\"thread_ts\":\""
        + THREAD_TS
        + "\","
        + "\"text\":"
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

  private JsonObject openTheForm() throws Exception {
    HttpResponse<String> ack =
        postPayload(
            shortcut(
                "Customer can't check out, see <https://acme.zendesk.com/agent/tickets/4512>"));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest opened = slackApi.server().takeRequest("/api/views.open", WAIT);
    assertThat(FakeSlackApi.formValue(opened.body(), "trigger_id"))
        .isEqualTo("13345224609.738474920.8088930838d88f");
    assertThat(FakeSlackApi.formValue(opened.body(), "view")).contains("Reading Zendesk #4512");
    FakeHttpServer.RecordedRequest updated =
        slackApi.server().takeRequest("/api/views.update", WAIT);
    return JsonParser.parseString(FakeSlackApi.formValue(updated.body(), "view")).getAsJsonObject();
  }

  @Test
  void shortcut_ticketLinkInAThread_prefillsTheFormFromTheTicket() throws Exception {
    JsonObject form = openTheForm();

    String json = form.toString();
    assertThat(json)
        .contains("\"initial_value\":\"usr_k8x9m2\"")
        .contains("\"initial_value\":\"2026-02-06 09:00-09:30\"")
        .contains("\"initial_value\":\"America/New_York\"")
        .contains("Zendesk #4512");
    FakeHttpServer.RecordedRequest asked = zendesk.takeRequest(Duration.ofSeconds(5));
    assertThat(asked.query()).contains("include=users");
    assertThat(asked.header("Authorization")).startsWith("Basic ");
  }

  @Test
  void submit_confirmedForm_postsTheCardIntoTheThreadForTheAgent() throws Exception {
    JsonObject form = openTheForm();

    HttpResponse<String> ack =
        postPayload(
            submission(
                form.get("private_metadata").getAsString(),
                "usr_k8x9m2",
                "2026-02-06 09:00-09:30",
                "America/New_York"));

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).doesNotContain("errors");
    FakeHttpServer.RecordedRequest posted =
        slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo(THREAD_TS);
    assertThat(FakeSlackApi.formValue(posted.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains("POST payment-svc/charge")
        .contains("INC-4521")
        .contains("Post to thread");
  }

  @Test
  void submit_badZoneAndUserId_answersBesideEachFieldAndKeepsTheForm() throws Exception {
    JsonObject form = openTheForm();

    HttpResponse<String> ack =
        postPayload(
            submission(
                form.get("private_metadata").getAsString(),
                "usr k8x9m2",
                "2026-02-06 09:00-09:30",
                "Mars/Base"));

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body())
        .contains("\"response_action\":\"errors\"")
        .contains("\"user\":")
        .contains("\"zone\":");
  }

  /**
   * The form and the slash command read a zone the same way: an abbreviation names its region, so
   * "EST" in July is New York daylight time in both, and lower-case IANA names work in both.
   */
  @ParameterizedTest
  @CsvSource({
    "EST, 13:00 and 13:30",
    "pst, 16:00 and 16:30",
    "europe/paris, 07:00 and 07:30",
    "UTC-3, 12:00 and 12:30"
  })
  void submit_zoneTheSlashCommandTakes_searchesTheSameWindowAsTheCommand(
      String zone, String utcWindow) throws Exception {
    JsonObject form = openTheForm();

    HttpResponse<String> formAck =
        postPayload(
            submission(
                form.get("private_metadata").getAsString(),
                "usr_k8x9m2",
                "2025-07-07 09:00-09:30",
                zone));
    HttpResponse<String> commandAck =
        new SignedSlackRequests(bot.uri(), SECRET)
            .command(
                "U0AGENT",
                "C0SUPPORT",
                "usr_k8x9m2 2025-07-07 09:00-09:30 tz " + zone,
                slackApi.responseUrl("command"));

    assertThat(formAck.body()).doesNotContain("errors");
    String formAnswer =
        FakeSlackApi.formValue(
            slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT).body(), "text");
    assertThat(utcWindow(formAnswer)).isEqualTo(utcWindow(commandAck.body())).isEqualTo(utcWindow);
  }

  @Test
  void submit_unknownZone_namesTheFormsThatWork() throws Exception {
    JsonObject form = openTheForm();

    HttpResponse<String> ack =
        postPayload(
            submission(
                form.get("private_metadata").getAsString(),
                "usr_k8x9m2",
                "2026-02-06 09:00-09:30",
                "Eastern"));

    assertThat(ack.body())
        .contains("\"zone\":")
        .contains("EST")
        .contains("America/New_York")
        .contains("UTC+2");
  }

  private static String utcWindow(String answer) {
    Matcher between =
        Pattern.compile("between (\\d\\d:\\d\\d and \\d\\d:\\d\\d) UTC").matcher(answer);
    return between.find() ? between.group(1) : "no window in: " + answer;
  }

  @Test
  void shortcut_ticketSystemNotConnected_saysSoInTheFormSoTheAgentCanTypeInstead()
      throws Exception {
    postPayload(shortcut("see https://other.zendesk.com/agent/tickets/7"));

    slackApi.server().takeRequest("/api/views.open", WAIT);
    String view =
        FakeSlackApi.formValue(
            slackApi.server().takeRequest("/api/views.update", WAIT).body(), "view");
    assertThat(view)
        .contains("You can type the user ID and time instead")
        .contains("\"block_id\":\"user\"");
  }
}
