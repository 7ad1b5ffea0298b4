package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import com.google.gson.Gson;
import dev.tracelookup.Main;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.FakeSlackSocket;
import dev.tracelookup.testing.SignedSlackRequests;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The {@code logback.xml} the jar ships, with the root level raised to DEBUG or TRACE as an
 * operator chasing a problem would: a session in HTTP mode and one in Socket Mode, and the log
 * holds no token, signing secret or raw customer ID. Jetty prints request headers and the Slack SDK
 * and its WebSocket print whole payloads at DEBUG, so those loggers must stay pinned whatever the
 * root says.
 */
final class ShippedLogConfigEndToEndTest {
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final String SECRET = "signing-secret-71c4";
  private static final String BOT_TOKEN = "xoxb-bot-token-2b8e";
  private static final String APP_TOKEN = "xapp-app-token-6d0f";
  private static final String API_TOKEN = "lookup-token-c39a";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ROOT_LEVEL = "TRACE_LOOKUP_ROOT_LOG_LEVEL";
  private static final String UNSAFE_WIRE_LEVEL = "TRACE_LOOKUP_UNSAFE_WIRE_LOG_LEVEL";

  /**
   * Loggers that print headers, payloads or frames below WARN, including class loggers under them.
   */
  private static final List<String> WIRE_LOGGERS =
      List.of(
          "org.eclipse.jetty.http.HttpParser",
          "org.eclipse.jetty.server.internal.HttpChannelState",
          "com.slack.api.util.http.SlackHttpClient",
          "com.slack.api.bolt.App",
          "org.java_websocket.WebSocketImpl",
          "org.java_websocket.drafts.Draft_6455");

  private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private FakeSlackApi slackApi;

  @BeforeEach
  void start() throws Exception {
    slackApi = new FakeSlackApi();
  }

  @AfterEach
  void restoreTheTestLogging() throws Exception {
    slackApi.close();
    System.clearProperty(ROOT_LEVEL);
    System.clearProperty(UNSAFE_WIRE_LEVEL);
    logging.reset();
    new ContextInitializer(logging).autoConfig();
  }

  /** Configures logging from the shipped file, then raises the root as editing its level would. */
  private void shippedLoggingWithRootAt(String level) throws Exception {
    configureTheShippedLogging();
    Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level));
    logging.getLogger("dev.tracelookup").setLevel(Level.TRACE);
    logged.setContext(logging);
    logged.start();
    root.addAppender(logged);
  }

  private void configureTheShippedLogging() throws Exception {
    URL shipped = Main.class.getResource("/logback.xml");
    logging.reset();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(logging);
    configurator.doConfigure(shipped);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEBUG", "TRACE"})
  void rootRaised_httpModeSession_logsNoTokenSecretOrRawCustomerId(String level) throws Exception {
    shippedLoggingWithRootAt(level);
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
                API_TOKEN));
    Bot bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop());
    try {
      SignedSlackRequests slack = new SignedSlackRequests(bot.uri(), SECRET);
      slack.command(
          "U0AGENT",
          "C0SUPPORT",
          CUSTOMER + " 2026-02-06 14:15 tz UTC",
          slackApi.responseUrl("card"));
      slackApi.server().takeRequest("/response/card", WAIT);
      slack.payload(share(bot));
      slackApi.server().takeRequest("/api/chat.postMessage", WAIT);
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      bot.uri()
                          .resolve(
                              "/api/lookup?user_id=" + CUSTOMER + "&start=2026-02-06T14:00:00Z"))
                  .header("Authorization", "Bearer " + API_TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } finally {
      bot.close();
    }

    assertClean();
  }

  @ParameterizedTest
  @ValueSource(strings = {"DEBUG", "TRACE"})
  void rootRaised_socketModeSession_logsNoTokenSecretOrRawCustomerId(String level)
      throws Exception {
    shippedLoggingWithRootAt(level);
    FakeSlackSocket socket = new FakeSlackSocket();
    slackApi.socketUrl(socket.url());
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                "config/trace-lookup.yml",
                "PORT",
                "0",
                "SLACK_API_URL",
                slackApi.apiUrl(),
                "SLACK_BOT_TOKEN",
                BOT_TOKEN,
                "SLACK_APP_TOKEN",
                APP_TOKEN));
    Bot bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop());
    try {
      socket.push(
          "{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
              + "\"payload\":{\"team_id\":\"T0001\",\"channel_id\":\"C0SUPPORT\",\"user_id\":\"U0AGENT\","
              + "\"command\":\"/trace-lookup\",\"text\":\""
              + CUSTOMER
              + " 2026-02-06 14:15 tz UTC\","
              + "\"response_url\":\""
              + slackApi.responseUrl("socket")
              + "\",\"trigger_id\":\"1.2.3\"}}",
          WAIT);
      socket.take(WAIT);
      slackApi.server().takeRequest("/response/socket", WAIT);
    } finally {
      bot.close();
      socket.close();
    }

    assertClean();
  }

  @Test
  void rootLevelVariable_raisesTheRootButNotTheWireLoggers() throws Exception {
    System.setProperty(ROOT_LEVEL, "TRACE");

    configureTheShippedLogging();

    assertThat(logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.TRACE);
    assertThat(WIRE_LOGGERS)
        .allSatisfy(
            name -> assertThat(logging.getLogger(name).getEffectiveLevel()).isEqualTo(Level.WARN));
  }

  @Test
  void unsafeWireVariable_isTheOneDeliberateWayToSeeWireLogs() throws Exception {
    System.setProperty(UNSAFE_WIRE_LEVEL, "DEBUG");

    configureTheShippedLogging();

    assertThat(logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel())
        .isEqualTo(Level.INFO);
    assertThat(WIRE_LOGGERS)
        .allSatisfy(
            name -> assertThat(logging.getLogger(name).getEffectiveLevel()).isEqualTo(Level.DEBUG));
  }

  private void assertClean() {
    List<ILoggingEvent> events = List.copyOf(logged.list);
    String everything =
        events.stream().map(ShippedLogConfigEndToEndTest::text).collect(Collectors.joining("\n"));
    assertThat(events)
        .extracting(ILoggingEvent::getLoggerName)
        .anyMatch(name -> name.startsWith("dev.tracelookup"));
    assertThat(everything)
        .contains("u:")
        .doesNotContain(CUSTOMER)
        .doesNotContain(SECRET)
        .doesNotContain(BOT_TOKEN)
        .doesNotContain(APP_TOKEN)
        .doesNotContain(API_TOKEN);
  }

  private String share(Bot bot) {
    String value =
        bot.buttonValue(
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
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\",\"team_id\":\"T0001\"},\"team\":{\"id\":\"T0001\"},"
               + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\",\"channel_id\":\"C0SUPPORT\"},"
               + "\"channel\":{\"id\":\"C0SUPPORT\"},\"trigger_id\":\"1.2.3\",\"response_url\":\""
        + slackApi.responseUrl("share")
        + "\",\"actions\":[{\"action_id\":\"share_card\",\"block_id\":\"b\","
        + "\"type\":\"button\",\"value\":"
        + new Gson().toJson(value)
        + "}]}";
  }

  private static String text(ILoggingEvent event) {
    String thrown =
        event.getThrowableProxy() == null
            ? ""
            : ThrowableProxyUtil.asString(event.getThrowableProxy());
    return event.getLoggerName()
        + " "
        + event.getLevel()
        + " "
        + event.getFormattedMessage()
        + " "
        + thrown;
  }
}
