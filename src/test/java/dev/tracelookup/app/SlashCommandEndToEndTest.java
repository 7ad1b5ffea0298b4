package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import dev.tracelookup.testing.SlashCommandForm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real object graph behind the real servlet on a random port: signed slash commands in, the
 * card out through a local {@code response_url}, Slack's Web API faked through {@code
 * SLACK_API_URL}.
 */
final class SlashCommandEndToEndTest {
  private static final String SECRET = "test-signing-secret";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeSlackApi slackApi;
  private Bot bot;

  @BeforeEach
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    slackApi.zone("U0AGENT", "America/New_York");
    Map<String, String> env =
        Map.of(
            "TRACE_LOOKUP_CONFIG",
            "config/trace-lookup.yml",
            "PORT",
            "0",
            "SLACK_API_URL",
            slackApi.apiUrl(),
            "SLACK_SIGNING_SECRET",
            SECRET,
            "SLACK_BOT_TOKEN",
            "xoxb-test",
            "LOOKUP_API_TOKEN",
            "api-token");
    Config config = ConfigLoader.load(env);
    bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop());
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    slackApi.close();
  }

  private Map<String, String> command(String text, String responseId) {
    return SlashCommandForm.fields("U0AGENT", text, slackApi.responseUrl(responseId).toString());
  }

  private HttpResponse<String> post(Map<String, String> form, long timestamp, String secret)
      throws Exception {
    String body = SlashCommandForm.encoded(form);
    HttpRequest request =
        HttpRequest.newBuilder(bot.uri().resolve("/slack/events"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
            .header(
                "X-Slack-Signature",
                new SignedSlackRequests(bot.uri(), secret).signature(timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  @Test
  void slashCommand_demoUser_acksWhatItSearchesThenPostsTheCard() throws Exception {
    HttpResponse<String> ack =
        post(command("usr_k8x9m2 2026-02-06 14:15 tz UTC", "card"), now(), SECRET);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("usr_k8x9m2")
        .contains("14:00");
    FakeHttpServer.RecordedRequest answer = slackApi.server().takeRequest("/response/card", WAIT);
    assertThat(answer.body())
        .contains("\"response_type\":\"ephemeral\"")
        .contains("\"blocks\"")
        .contains("payment-svc")
        .contains("502")
        .contains("ConnectionRefusedError")
        .contains("show_trace");
  }

  @Test
  void slashCommand_help_answersWithUsageInTheAckAndRunsNoLookup() throws Exception {
    HttpResponse<String> ack = post(command("help", "help"), now(), SECRET);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("/trace-lookup");
    assertThat(bot.jobs().getTaskCount()).isZero();
  }

  @Test
  void slashCommand_unreadableText_quotesWhatWasUnderstood() throws Exception {
    HttpResponse<String> ack = post(command("usr_k8x9m2 2:15pm banana", "bad"), now(), SECRET);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("banana");
    assertThat(bot.jobs().getTaskCount()).isZero();
  }

  @Test
  void slashCommand_badSignature_isRefusedAndRunsNoLookup() throws Exception {
    HttpResponse<String> response = post(command("usr_k8x9m2", "forged"), now(), "wrong-secret");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(bot.jobs().getTaskCount()).isZero();
  }

  @Test
  void slashCommand_staleTimestamp_isRefused() throws Exception {
    HttpResponse<String> response = post(command("usr_k8x9m2", "stale"), now() - 301, SECRET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(bot.jobs().getTaskCount()).isZero();
  }

  @Test
  void slashCommand_timestampFromTheFuture_isRefused() throws Exception {
    HttpResponse<String> response = post(command("usr_k8x9m2", "future"), now() + 600, SECRET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(bot.jobs().getTaskCount()).isZero();
  }

  /**
   * Only the headers go out: the server must answer from the declared length alone. (A client still
   * writing two megabytes could instead be reset by the server's close before it reads the 413.)
   */
  @Test
  void slashCommand_oversizedBody_isRefusedBeforeReading() throws Exception {
    int statusCode =
        statusOfHeadersOnly(
            "POST /slack/events HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2000000\r\n"
                + "X-Slack-Request-Timestamp: "
                + now()
                + "\r\nX-Slack-Signature: v0=00\r\n\r\n");

    assertThat(statusCode).isEqualTo(413);
  }

  private int statusOfHeadersOnly(String head) throws Exception {
    try (java.net.Socket socket = new java.net.Socket(bot.uri().getHost(), bot.uri().getPort())) {
      socket.setSoTimeout((int) WAIT.toMillis());
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      String statusLine =
          new java.io.BufferedReader(
                  new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  @Test
  void healthz_answersOkWithCacheCounters() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(bot.uri().resolve("/healthz")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"status\":\"ok\"")
        .contains("\"lookups\"")
        .contains("\"hits\"");
  }

  @Test
  void slackEvents_get_isNotAllowedAndRevealsNothing() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(bot.uri().resolve("/slack/events")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isIn(401, 405);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("jetty");
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void apiLookup_withToken_returnsTheFailingTraceAsJson() throws Exception {
    URI uri =
        bot.uri()
            .resolve(
                "/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z&end=2026-02-06T14:30:00Z");

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer api-token").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
        .contains("\"has_error\":true")
        .contains("\"name\":\"POST payment-svc/charge\"")
        .contains("\"http_status\":502");
  }

  @Test
  void apiLookup_withoutOrWithWrongToken_isRefused() throws Exception {
    URI uri = bot.uri().resolve("/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z");

    HttpResponse<String> none =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> wrong =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer nope").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("usr_k8x9m2");
  }

  @Test
  void apiLookup_badParameters_sayWhatIsExpected() throws Exception {
    URI uri = bot.uri().resolve("/api/lookup?user_id=usr%22%7D&start=yesterday");

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri).header("Authorization", "Bearer api-token").build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("user_id");
  }

  private HttpResponse<String> click(
      String actionId, String value, String threadTs, String responseId) throws Exception {
    String payload =
        "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\",\"username\":\"agent\",\"team_id\":\"T0001\"},"
            + "\"api_app_id\":\"A0001\",\"token\":\"legacy\",\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\","
            + "\"channel_id\":\"C0SUPPORT\",\"is_ephemeral\":true"
            + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"")
            + "},\"trigger_id\":\"1.2.3\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
            + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},\"response_url\":\""
            + slackApi.responseUrl(responseId)
            + "\","
            + "\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},"
            + "\"value\":"
            + com.google.gson.JsonParser.parseString("\"\"")
                .toString()
                .replace("\"\"", new com.google.gson.Gson().toJson(value))
            + ",\"type\":\"button\",\"action_ts\":\"1700000002.000300\"}]}";
    Map<String, String> form = new LinkedHashMap<>();
    form.put("payload", payload);
    return post(form, now(), SECRET);
  }

  private String demoToken() {
    return bot.buttonValue(
        new dev.tracelookup.lookup.LookupRequest(
            "usr_k8x9m2",
            new dev.tracelookup.lookup.TimeWindow(
                Instant.parse("2026-02-06T14:00:00Z"),
                Instant.parse("2026-02-06T14:30:00Z"),
                java.time.ZoneOffset.UTC,
                "test"),
            Optional.empty(),
            Optional.empty(),
            false));
  }

  @Test
  void shareButton_inAThread_postsAChannelSafeCopyToThatThread() throws Exception {
    HttpResponse<String> ack = click("share_card", demoToken(), "1699999999.000050", "share");

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest posted =
        slackApi.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "channel")).isEqualTo("C0SUPPORT");
    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo("1699999999.000050");
    String blocks = FakeSlackApi.formValue(posted.body(), "blocks");
    assertThat(blocks)
        .contains("Shared by \\u003c@U0AGENT\\u003e")
        .contains("POST payment-svc/charge")
        .contains("customer u:")
        .doesNotContain("usr_k8x9m2")
        .doesNotContain("share_card")
        .doesNotContain("refresh_card");
    assertThat(FakeSlackApi.formValue(posted.body(), "text")).doesNotContain("usr_k8x9m2");
  }

  @Test
  void shareButton_botNotInChannel_tellsTheAgentHowToFixIt() throws Exception {
    slackApi.postMessageError("not_in_channel");

    click("share_card", demoToken(), null, "share-refused");

    FakeHttpServer.RecordedRequest answer =
        slackApi.server().takeRequest("/response/share-refused", WAIT);
    assertThat(answer.body())
        .contains("/invite @trace-lookup")
        .contains("\"response_type\":\"ephemeral\"");
  }

  @Test
  void refreshButton_replacesTheCardWithAFreshLookup() throws Exception {
    click("refresh_card", demoToken(), null, "refresh");

    FakeHttpServer.RecordedRequest answer =
        slackApi.server().takeRequest("/response/refresh", WAIT);
    assertThat(answer.body())
        .contains("\"replace_original\":true")
        .contains("POST payment-svc/charge")
        .contains("share_card");
  }

  @Test
  void shareButton_tamperedValue_answersClearlyAndPostsNothing() throws Exception {
    click("share_card", "{\"v\":1,\"u\":\"usr\\\" || true\",\"f\":0,\"t\":1}", null, "tampered");

    FakeHttpServer.RecordedRequest answer =
        slackApi.server().takeRequest("/response/tampered", WAIT);
    assertThat(answer.body()).contains("no longer carries a lookup");
  }

  @Test
  void showTraceButton_answersWithThatTracesPath() throws Exception {
    click("show_trace", "4bf92f3577b34da6a3ce929d0e0e4736", null, "show");

    FakeHttpServer.RecordedRequest answer = slackApi.server().takeRequest("/response/show", WAIT);
    assertThat(answer.body())
        .contains("POST payment-svc/charge")
        .contains("ConnectionRefusedError");
  }

  @Test
  void draftReplyButton_opensTheModalAtOnceThenFillsInTheReplyInTheAgentsZone() throws Exception {
    click("draft_reply", "4bf92f3577b34da6a3ce929d0e0e4736", null, "reply");

    FakeHttpServer.RecordedRequest opened = slackApi.server().takeRequest("/api/views.open", WAIT);
    assertThat(FakeSlackApi.formValue(opened.body(), "trigger_id")).isEqualTo("1.2.3");
    FakeHttpServer.RecordedRequest updated =
        slackApi.server().takeRequest("/api/views.update", WAIT);
    assertThat(FakeSlackApi.formValue(updated.body(), "view_id")).isEqualTo("V0REPLY");
    String view = FakeSlackApi.formValue(updated.body(), "view");
    assertThat(view)
        .contains("place an order")
        .contains("9:17 AM")
        .contains("9:12 AM")
        .contains("9:25 AM")
        .contains("connectivity issue")
        .contains("INC-4521")
        .doesNotContain("payment-svc")
        .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void slashCommand_ticketLink_opensTheFormAndSaysItIsReadingTheTicket() throws Exception {
    HttpResponse<String> ack =
        post(command("<https://acme.zendesk.com/agent/tickets/4512>", "ticket"), now(), SECRET);

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).contains("Reading Zendesk #4512");
    FakeHttpServer.RecordedRequest opened = slackApi.server().takeRequest("/api/views.open", WAIT);
    assertThat(FakeSlackApi.formValue(opened.body(), "trigger_id")).isEqualTo("1.2.3");
    String form =
        FakeSlackApi.formValue(
            slackApi.server().takeRequest("/api/views.update", WAIT).body(), "view");
    assertThat(form).contains("not connected to Zendesk").contains("\"block_id\":\"user\"");
  }

  private HttpResponse<String> postJson(String body) throws Exception {
    return new SignedSlackRequests(bot.uri(), SECRET).event(body);
  }

  @Test
  void mentionInAThread_answersInThatThreadWithoutTheRawCustomerId() throws Exception {
    String event =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
            + "\"event_id\":\"Ev0MENTION\",\"event_time\":1770389300,\"event\":{\"type\":\"app_mention\",\"user\":\"U0AGENT\",\"text\":\"<@U0BOT>"
            + " usr_k8x9m2 2026-02-06 14:15 tz"
            + " UTC\",\"client_msg_id\":\"café-☕\",\"ts\":\"1770389300.000400\","
            + "\"channel\":\"C0SUPPORT\",\"thread_ts\":\"1770389000.000100\",\"event_ts\":\"1770389300.000400\"}}";

    HttpResponse<String> ack = postJson(event);

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeHttpServer.RecordedRequest posted =
        slackApi.server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo("1770389000.000100");
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains("POST payment-svc/charge")
        .contains("customer u:")
        .doesNotContain("usr_k8x9m2");
  }

  @Test
  void mentionWithoutAUserId_answersTheAskerAloneInTheThread() throws Exception {
    String event =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\",\"type\":\"event_callback\","
            + "\"event_id\":\"Ev0HELP\",\"event_time\":1770389300,\"event\":{\"type\":\"app_mention\",\"user\":\"U0AGENT\",\"text\":\"<@U0BOT>"
            + " can you look at this?\",\"ts\":\"1770389300.000400\",\"channel\":\"C0SUPPORT\","
            + "\"event_ts\":\"1770389300.000400\"}}";

    postJson(event);

    FakeHttpServer.RecordedRequest answer =
        slackApi.server().takeRequest("/api/chat.postEphemeral", WAIT);
    assertThat(FakeSlackApi.formValue(answer.body(), "user")).isEqualTo("U0AGENT");
    assertThat(FakeSlackApi.formValue(answer.body(), "thread_ts")).isEqualTo("1770389300.000400");
  }
}
