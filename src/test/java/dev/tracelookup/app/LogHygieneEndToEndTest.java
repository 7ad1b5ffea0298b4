package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SignedSlackRequests;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator's log would show after a busy session: every flow that touches a customer, at
 * DEBUG for our code and the shipped levels for libraries, and not one raw customer ID or secret.
 */
final class LogHygieneEndToEndTest {
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final String SECRET = "signing-secret-3f9a";
  private static final String BOT_TOKEN = "xoxb-bot-token-77c1";
  private static final String API_TOKEN = "lookup-token-5e2d";
  private static final String ADMIN_TOKEN = "admin-token-a41b";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger ours = (Logger) LoggerFactory.getLogger("dev.tracelookup");
  private final Logger slackSdk = (Logger) LoggerFactory.getLogger("com.slack.api");
  private FakeSlackApi slackApi;
  private Bot bot;
  private SignedSlackRequests slack;

  @BeforeEach
  void start() throws Exception {
    logged.start();
    root.addAppender(logged);
    root.setLevel(Level.INFO);
    ours.setLevel(Level.DEBUG);
    slackSdk.setLevel(Level.WARN);
    slackApi = new FakeSlackApi();
    Config config =
        ConfigLoader.load(
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
                BOT_TOKEN,
                "LOOKUP_API_TOKEN",
                API_TOKEN,
                "ADMIN_API_TOKEN",
                ADMIN_TOKEN));
    bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop());
    slack = new SignedSlackRequests(bot.uri(), SECRET);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
    slackApi.close();
    root.detachAppender(logged);
    root.setLevel(Level.WARN);
    ours.setLevel(null);
    slackSdk.setLevel(null);
  }

  @Test
  void logs_afterEveryFlowThatTouchesACustomer_holdNoRawCustomerIdOrSecret() throws Exception {
    slack.command(
        "U0AGENT",
        "C0SUPPORT",
        CUSTOMER + " 2026-02-06 14:15 tz UTC",
        slackApi.responseUrl("card"));
    slackApi.server().takeRequest("/response/card", WAIT);
    slack.command("U0AGENT", "C0SUPPORT", CUSTOMER + " banana", slackApi.responseUrl("unread"));
    slack.payload(button("share_card", token(), "share"));
    slackApi.server().takeRequest("/api/chat.postMessage", WAIT);
    slack.payload(button("show_trace", "4bf92f3577b34da6a3ce929d0e0e4736", "show"));
    slackApi.server().takeRequest("/response/show", WAIT);
    api("/api/lookup?user_id=" + CUSTOMER + "&start=2026-02-06T14:00:00Z", API_TOKEN, null);
    api("/api/erasure", ADMIN_TOKEN, "{\"user_id\":\"" + CUSTOMER + "\"}");
    bot.close();

    String everything =
        logged.list.stream().map(LogHygieneEndToEndTest::text).collect(Collectors.joining("\n"));
    assertThat(logged.list)
        .extracting(ILoggingEvent::getLoggerName)
        .anyMatch(name -> name.startsWith("dev.tracelookup"));
    assertThat(everything)
        .contains(
            dev.tracelookup.privacy.UserIdFingerprint.derivedFrom(SECRET, "SLACK_SIGNING_SECRET")
                .of(CUSTOMER))
        // The unkeyed SHA-256 fingerprint of old, which anyone could recompute from a guess.
        .doesNotContain("u:ff1af1f31874")
        .doesNotContain(CUSTOMER)
        .doesNotContain(SECRET)
        .doesNotContain(BOT_TOKEN)
        .doesNotContain(API_TOKEN)
        .doesNotContain(ADMIN_TOKEN);
  }

  private String token() {
    return bot.buttonValue(
        new LookupRequest(
            CUSTOMER,
            new TimeWindow(
                Instant.parse("2026-02-06T14:00:00Z"),
                Instant.parse("2026-02-06T14:30:00Z"),
                ZoneOffset.UTC,
                "test"),
            Optional.empty(),
            Optional.empty(),
            false));
  }

  private String button(String actionId, String value, String responseId) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\",\"team_id\":\"T0001\"},\"team\":{\"id\":\"T0001\"},"
               + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C0SUPPORT\"},"
               + "\"channel\":{\"id\":\"C0SUPPORT\"},\"trigger_id\":\"1.2.3\",\"response_url\":\""
        + slackApi.responseUrl(responseId)
        + "\",\"actions\":[{\"action_id\":\""
        + actionId
        + "\",\"block_id\":\"b\","
        + "\"type\":\"button\",\"value\":"
        + new com.google.gson.Gson().toJson(value)
        + "}]}";
  }

  private void api(String path, String token, String jsonBody) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(bot.uri().resolve(path)).header("Authorization", "Bearer " + token);
    if (jsonBody != null) {
      request.POST(HttpRequest.BodyPublishers.ofString(jsonBody));
    }
    HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String text(ILoggingEvent event) {
    String thrown =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getLoggerName() + " " + event.getFormattedMessage() + " " + thrown;
  }
}
