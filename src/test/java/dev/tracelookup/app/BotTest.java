package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Bot#start}: the whole bot on a free port, Slack connected as the configuration says, and
 * nothing left running when it cannot start.
 */
final class BotTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private static Config config(String... variables) {
    Map<String, String> env =
        new HashMap<>(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml", "PORT", "0"));
    for (int i = 0; i < variables.length; i += 2) {
      env.put(variables[i], variables[i + 1]);
    }
    return ConfigLoader.load(env);
  }

  private int status(Bot bot, HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void start_httpMode_servesOnAFreePortAndRefusesUnsignedSlackRequests() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi();
        Bot bot =
            Bot.start(
                config(
                    "SLACK_API_URL",
                    slackApi.apiUrl(),
                    "SLACK_SIGNING_SECRET",
                    "secret",
                    "SLACK_BOT_TOKEN",
                    "xoxb-test"),
                Clock.systemUTC(),
                Telemetry.noop())) {

      assertThat(bot.socketMode()).isFalse();
      assertThat(bot.uri().getPort()).isPositive();
      assertThat(status(bot, HttpRequest.newBuilder(bot.uri().resolve("/healthz")))).isEqualTo(200);
      assertThat(
              status(
                  bot,
                  HttpRequest.newBuilder(bot.uri().resolve("/slack/events"))
                      .POST(HttpRequest.BodyPublishers.ofString("command=/trace-lookup"))))
          .isEqualTo(401);
    }
  }

  @Test
  void start_withoutSlack_servesTheApiAndNoSlackEndpoint() throws Exception {
    try (Bot bot = Bot.start(config(), Clock.systemUTC(), Telemetry.noop(), Bot.SlackFace.NONE)) {

      assertThat(status(bot, HttpRequest.newBuilder(bot.uri().resolve("/healthz")))).isEqualTo(200);
      assertThat(
              status(
                  bot,
                  HttpRequest.newBuilder(bot.uri().resolve("/slack/events"))
                      .POST(HttpRequest.BodyPublishers.ofString("command=/trace-lookup"))))
          .isIn(404, 405);
    }
  }

  @Test
  void start_noSlackCredentials_isAConfigProblemBeforeAnyThreadStarts() {
    BotThreads threads = BotThreads.baseline();

    assertThatThrownBy(() -> Bot.start(config(), Clock.systemUTC(), Telemetry.noop()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(problem -> assertThat(problem).startsWith("SLACK_BOT_TOKEN:")));
    assertThat(threads.startedSince("incidents-") + threads.startedSince("http-")).isZero();
  }

  @Test
  void start_socketModeTokenRefused_stopsTheServerAndPoolsItStarted() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      slackApi.override(
          "apps.connections.open",
          request -> FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"invalid_auth\"}"));
      Config config =
          config(
              "SLACK_API_URL",
              slackApi.apiUrl(),
              "SLACK_BOT_TOKEN",
              "xoxb-test",
              "SLACK_APP_TOKEN",
              "xapp-1-refused");
      BotThreads threads = BotThreads.baseline();

      assertThatThrownBy(() -> Bot.start(config, Clock.systemUTC(), Telemetry.noop()))
          .isInstanceOf(ConfigException.class);

      // The Slack SDK's own threads (slack-api-metrics:…) are its to keep; these are the bot's.
      assertThat(threads.stillAliveSince("http-", "incidents-", "readiness-")).isZero();
    }
  }

  @Test
  void close_twice_isHarmless() throws Exception {
    Bot bot = Bot.start(config(), Clock.systemUTC(), Telemetry.noop(), Bot.SlackFace.NONE);

    bot.close();
    bot.close();

    assertThat(bot.jobs().isTerminated()).isTrue();
  }
}
