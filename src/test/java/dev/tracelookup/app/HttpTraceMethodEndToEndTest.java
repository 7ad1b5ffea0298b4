package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP {@code TRACE} echoes the request back, headers included: a page that can make a browser send
 * one would read the bearer token. The running server refuses it on every path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HttpTraceMethodEndToEndTest {
  private static final String API_TOKEN = "lookup-token-9c1e";
  private static final String SECRET = "signing-secret-5b7d";
  private final HttpClient http = HttpClient.newHttpClient();
  private FakeSlackApi slackApi;
  private Bot bot;

  @BeforeAll
  void start() throws Exception {
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
                "xoxb-test",
                "LOOKUP_API_TOKEN",
                API_TOKEN,
                "ADMIN_API_TOKEN",
                "admin-token-0d3f"));
    bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop());
  }

  @AfterAll
  void stop() throws Exception {
    bot.close();
    slackApi.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z",
        "/api/erasure",
        "/healthz",
        "/readyz",
        "/slack/events",
        "/",
        "/no/such/path"
      })
  void trace_anyPath_isRefusedWithoutEchoingTheRequest(String path) throws Exception {
    HttpRequest trace =
        HttpRequest.newBuilder(bot.uri().resolve(path))
            .method("TRACE", HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer " + API_TOKEN)
            .header("X-Slack-Signature", "v0=" + SECRET)
            .build();

    HttpResponse<String> response = http.send(trace, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body())
        .doesNotContain(API_TOKEN)
        .doesNotContain(SECRET)
        .doesNotContain("usr_k8x9m2")
        .doesNotContainIgnoringCase("authorization");
    assertThat(response.headers().map().toString())
        .doesNotContain(API_TOKEN)
        .doesNotContain("usr_k8x9m2");
  }
}
