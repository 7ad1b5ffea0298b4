package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SlackRequests;
import dev.tracelookup.testing.SlashCommandForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of a card that a channel reads (Share in channel, Post to thread, the answer to a
 * mention), end to end through signed Slack requests and the real handlers, on traces whose
 * services quote the customer everywhere, as the security review found them (issue 12, item 1).
 *
 * <pre>
 *   web-frontend  POST /api/v1/orders → 500                     user.id = usr_pii_email
 *     web-frontend  POST /payments/usr_pii_email/charge → 502   status "payment for USR_PII_EMAIL failed"
 *       payment-svc  POST /payments/{user}/charge → 502         GatewayError: gateway rejected … (user usr_pii_email)
 *         payment-svc  POST charge → 502                        server.address = usr_pii_email.tenants.gateway.example
 *   web-frontend  GET /users/usr%5Fpii%5Femail/cart → 200       (a second trace, listed under "Other traces")
 * </pre>
 */
final class ChannelCopyEndToEndTest {
  static final String CUSTOMER = "usr_pii_email";

  /** Every way the review saw the ID written: as typed, upper-case, URL-encoded. */
  static final List<String> FORMS = List.of("usr_pii_email", "usr%5fpii%5femail");

  private static final String EXCEPTION_MESSAGE = "gateway rejected the charge";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path dir;
  private SignedSlackBot bot;

  private SignedSlackBot start(String extraConfig) throws Exception {
    Path traces = Files.createDirectories(dir.resolve("traces"));
    Files.writeString(traces.resolve("traces.jsonl"), failingOrder() + "\n" + failingCart() + "\n");
    bot = new SignedSlackBot(dir, traces, extraConfig);
    return bot;
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void shareButton_traceQuotingTheCustomerEverywhere_postsACopyWithoutTheirIdAnywhere()
      throws Exception {
    start("");

    bot.postPayload(share(bot.buttonValue(request()), "share"));

    FakeHttpServer.RecordedRequest posted =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertChannelSafe(posted);
    String blocks = FakeSlackApi.formValue(posted.body(), "blocks");
    assertThat(blocks)
        .contains("Shared by")
        .contains("POST /payments/[customer]/charge")
        .contains("GatewayError")
        .contains("[customer].tenants.gateway.example")
        .contains("GET /users/[customer]/cart")
        .doesNotContain(EXCEPTION_MESSAGE);
  }

  @Test
  void mentionInAThread_traceQuotingTheCustomerEverywhere_answersWithoutTheirIdAnywhere()
      throws Exception {
    start("");

    bot.event(mention("<@U0BOT> " + CUSTOMER + " 2026-02-06 14:15 tz UTC"));

    FakeHttpServer.RecordedRequest posted =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertThat(FakeSlackApi.formValue(posted.body(), "thread_ts")).isEqualTo("1770389000.000100");
    assertChannelSafe(posted);
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains("POST /payments/[customer]/charge")
        .contains("GatewayError")
        .doesNotContain(EXCEPTION_MESSAGE);
  }

  @Test
  void shareButton_exceptionMessagesAllowed_showsThemWithTheIdStillMasked() throws Exception {
    start("privacy:\n  shared-exception-messages: true\n");

    bot.postPayload(share(bot.buttonValue(request()), "share-messages"));

    FakeHttpServer.RecordedRequest posted =
        bot.slackApi().server().takeRequest("/api/chat.postMessage", WAIT);
    assertChannelSafe(posted);
    assertThat(FakeSlackApi.formValue(posted.body(), "blocks"))
        .contains(EXCEPTION_MESSAGE + " (user [customer])");
  }

  @Test
  void slashCommand_privateAnswer_stillShowsTheAgentTheIdAndTheMessage() throws Exception {
    start("");

    bot.post(
        SlashCommandForm.encoded(
            SlashCommandForm.fields(
                "U0AGENT",
                CUSTOMER + " 2026-02-06 14:15 tz UTC",
                bot.slackApi().responseUrl("private").toString())));

    String answer = bot.slackApi().server().takeRequest("/response/private", WAIT).body();
    assertThat(answer)
        .contains("\"response_type\":\"ephemeral\"")
        .contains("POST /payments/usr_pii_email/charge")
        .contains(EXCEPTION_MESSAGE)
        .contains("share_card");
  }

  /**
   * Checks every field of the post a channel member can read: fallback text, blocks, anything else.
   */
  private static void assertChannelSafe(FakeHttpServer.RecordedRequest posted) {
    String fingerprint =
        UserIdFingerprint.derivedFrom(SignedSlackBot.SECRET, "SLACK_SIGNING_SECRET").of(CUSTOMER);
    String text = FakeSlackApi.formValue(posted.body(), "text");
    String blocks = FakeSlackApi.formValue(posted.body(), "blocks");
    for (String form : FORMS) {
      assertThat(posted.body().toLowerCase(Locale.ROOT)).doesNotContain(form);
      assertThat(text.toLowerCase(Locale.ROOT)).doesNotContain(form);
      assertThat(blocks.toLowerCase(Locale.ROOT)).doesNotContain(form);
    }
    assertThat(blocks).contains("customer " + fingerprint);
  }

  private static LookupRequest request() {
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T14:30:00Z"),
            ZoneOffset.UTC,
            "test");
    return new LookupRequest(CUSTOMER, window, Optional.empty(), Optional.empty(), false);
  }

  private String share(String value, String responseId) {
    return SlackRequests.buttonPress("share_card", value, bot.slackApi().responseUrl(responseId));
  }

  private static String mention(String text) {
    return SlackRequests.mentionInThread(text, "Ev0PII");
  }

  /** The failing order: the ID in a span name, a status message, an exception, an attribute. */
  static String failingOrder() {
    String trace = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e";
    return "{\"resourceSpans\":["
        + resource(
            "web-frontend",
            span(
                    trace,
                    "a000000000000001",
                    "",
                    "POST /api/v1/orders",
                    2,
                    "14:17:23.000",
                    "14:17:24.900",
                    attr("http.response.status_code", 500) + "," + attr("user.id", CUSTOMER),
                    2,
                    "",
                    "")
                + ","
                + span(
                    trace,
                    "a000000000000002",
                    "a000000000000001",
                    "POST /payments/" + CUSTOMER + "/charge",
                    3,
                    "14:17:23.100",
                    "14:17:24.800",
                    attr("http.response.status_code", 502)
                        + ","
                        + attr("service.peer.name", "payment-svc"),
                    2,
                    "payment for USR_PII_EMAIL failed",
                    ""))
        + ","
        + resource(
            "payment-svc",
            span(
                    trace,
                    "a000000000000003",
                    "a000000000000002",
                    "POST /payments/{user}/charge",
                    2,
                    "14:17:23.200",
                    "14:17:24.700",
                    attr("http.response.status_code", 502),
                    2,
                    "",
                    exception("GatewayError", EXCEPTION_MESSAGE + " (user " + CUSTOMER + ")"))
                + ","
                + span(
                    trace,
                    "a000000000000004",
                    "a000000000000003",
                    "POST charge",
                    3,
                    "14:17:23.300",
                    "14:17:24.600",
                    attr("http.response.status_code", 502)
                        + ","
                        + attr("server.address", CUSTOMER + ".tenants.gateway.example"),
                    2,
                    "",
                    ""))
        + "]}";
  }

  /** Another request of the same customer, URL-encoded in its name: a row under "Other traces". */
  private static String failingCart() {
    String trace = "ca57ca57ca57ca57ca57ca57ca57ca57";
    return "{\"resourceSpans\":["
        + resource(
            "web-frontend",
            span(
                trace,
                "b000000000000001",
                "",
                "GET /users/usr%5Fpii%5Femail/cart",
                2,
                "14:21:05.000",
                "14:21:06.200",
                attr("http.response.status_code", 200) + "," + attr("user.id", CUSTOMER),
                0,
                "",
                ""))
        + "]}";
  }

  private static String resource(String service, String spans) {
    return "{\"resource\":{\"attributes\":["
        + attr("service.name", service)
        + "]},\"scopeSpans\":[{\"spans\":["
        + spans
        + "]}]}";
  }

  private static String span(
      String trace,
      String id,
      String parent,
      String name,
      int kind,
      String start,
      String end,
      String attributes,
      int status,
      String statusMessage,
      String events) {
    return "{\"traceId\":\""
        + trace
        + "\",\"spanId\":\""
        + id
        + "\",\"parentSpanId\":\""
        + parent
        + "\",\"name\":\""
        + name
        + "\",\"kind\":"
        + kind
        + ",\"startTimeUnixNano\":\""
        + nanos(start)
        + "\",\"endTimeUnixNano\":\""
        + nanos(end)
        + "\",\"attributes\":["
        + attributes
        + "],\"events\":["
        + events
        + "],\"status\":{\"code\":"
        + status
        + ",\"message\":\""
        + statusMessage
        + "\"}}";
  }

  private static String exception(String type, String message) {
    return "{\"timeUnixNano\":\""
        + nanos("14:17:24.650")
        + "\",\"name\":\"exception\",\"attributes\":["
        + attr("exception.type", type)
        + ","
        + attr("exception.message", message)
        + ","
        + attr(
            "exception.stacktrace",
            type + ": " + message + "\\n    at pay.Gateway.charge(Gateway.java:42)")
        + "]}";
  }

  private static String attr(String key, String value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"stringValue\":\"" + value + "\"}}";
  }

  private static String attr(String key, int value) {
    return "{\"key\":\"" + key + "\",\"value\":{\"intValue\":\"" + value + "\"}}";
  }

  private static String nanos(String clock) {
    Instant instant = Instant.parse("2026-02-06T" + clock + "Z");
    return Long.toString(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
  }
}
