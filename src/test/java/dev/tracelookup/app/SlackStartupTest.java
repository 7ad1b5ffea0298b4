package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.Main;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} with a token Slack refuses stops with a message naming the token, not a stack
 * trace: the bot token in either mode, the app-level token in Socket Mode.
 */
final class SlackStartupTest {
  private static final String REVOKED_APP_TOKEN = "xapp-1-revoked-app-token";
  @TempDir Path dir;

  @Test
  void create_botTokenRefusedBySlack_isAStartupProblemNamingTheToken() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      slackApi.revokeToken();
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
                  "s",
                  "SLACK_BOT_TOKEN",
                  "xoxb-revoked"));

      assertThatThrownBy(() -> Bot.start(config, Clock.systemUTC(), Telemetry.noop()))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.problems())
                      .singleElement()
                      .asString()
                      .startsWith("SLACK_BOT_TOKEN: Slack refused it")
                      .contains(slackApi.apiUrl())
                      .doesNotContain("xoxb-revoked"));
    }
  }

  @Test
  void startSocketMode_appTokenRefusedBySlack_isAStartupProblemNamingTheToken() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      slackApi.override(
          "apps.connections.open",
          request -> FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"invalid_auth\"}"));
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
                  "xoxb-test",
                  "SLACK_APP_TOKEN",
                  REVOKED_APP_TOKEN));

      assertThatThrownBy(() -> Bot.start(config, Clock.systemUTC(), Telemetry.noop()))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.problems())
                      .singleElement()
                      .asString()
                      .startsWith("SLACK_APP_TOKEN: Slack refused it")
                      .contains("invalid_auth")
                      .contains("connections:write")
                      .doesNotContain(REVOKED_APP_TOKEN));
    }
  }

  @Test
  void startSocketMode_slackAnswering503_isAStartupProblemNamingTheToken() throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      slackApi.override(
          "apps.connections.open", request -> FakeHttpServer.Reply.status(503, "upstream down"));
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
                  "xoxb-test",
                  "SLACK_APP_TOKEN",
                  REVOKED_APP_TOKEN));

      assertThatThrownBy(() -> Bot.start(config, Clock.systemUTC(), Telemetry.noop()))
          .isInstanceOfSatisfying(
              ConfigException.class,
              e ->
                  assertThat(e.problems())
                      .singleElement()
                      .asString()
                      .startsWith(
                          "SLACK_APP_TOKEN: Slack refused it, or Slack could not be reached")
                      .doesNotContain(REVOKED_APP_TOKEN));
    }
  }

  /**
   * The whole process, as an orchestrator runs it: with a revoked app-level token it must end, with
   * the configuration exit code, instead of staying up with {@code /healthz} answering while no
   * Slack request can ever arrive.
   */
  @Test
  void serve_socketModeWithARevokedAppToken_exits78WithAClearMessageAndNoStackTrace()
      throws Exception {
    try (FakeSlackApi slackApi = new FakeSlackApi()) {
      slackApi.override(
          "apps.connections.open",
          request -> FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"invalid_auth\"}"));
      Path output = dir.resolve("serve.log");
      ProcessBuilder serve =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Dfile.encoding=UTF-8",
                      "-Xmx256m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      Main.class.getName(),
                      "serve"))
              .redirectErrorStream(true)
              .redirectOutput(output.toFile());
      serve
          .environment()
          .putAll(
              Map.of(
                  "TRACE_LOOKUP_CONFIG",
                  Path.of("config/trace-lookup.yml").toAbsolutePath().toString(),
                  "PORT",
                  "0",
                  "SLACK_API_URL",
                  slackApi.apiUrl(),
                  "SLACK_BOT_TOKEN",
                  "xoxb-test",
                  "SLACK_APP_TOKEN",
                  REVOKED_APP_TOKEN));
      Process process = serve.start();
      try {
        boolean exited = process.waitFor(90, TimeUnit.SECONDS);

        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited)
            .as("serve is still running after its app token was refused:%n%s", printed)
            .isTrue();
        assertThat(process.exitValue()).as(printed).isEqualTo(78);
        assertThat(printed)
            .contains("SLACK_APP_TOKEN: Slack refused it")
            .contains("invalid_auth")
            .doesNotContain(REVOKED_APP_TOKEN)
            .doesNotContain("\tat com.slack")
            .doesNotContain("Exception");
      } finally {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
