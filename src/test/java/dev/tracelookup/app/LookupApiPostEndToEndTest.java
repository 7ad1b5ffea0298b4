package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code POST /api/lookup} with the parameters as a JSON body: the same lookup as GET, with the
 * customer's ID kept out of the URL (and so out of access logs, proxies and HTTP telemetry).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class LookupApiPostEndToEndTest {
  private static final String TOKEN = "lookup-token-e8a2";
  private final HttpClient http = HttpClient.newHttpClient();
  private Bot bot;

  @BeforeAll
  void start() throws Exception {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                "config/trace-lookup.yml",
                "PORT",
                "0",
                "LOOKUP_API_TOKEN",
                TOKEN));
    bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop(), Bot.SlackFace.NONE);
  }

  @AfterAll
  void stop() throws Exception {
    bot.close();
  }

  private HttpResponse<String> post(String path, String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(bot.uri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(bot.uri().resolve(pathAndQuery))
            .header("Authorization", "Bearer " + TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_jsonBody_answersExactlyAsGetDoes() throws Exception {
    HttpResponse<String> posted =
        post(
            "/api/lookup",
            TOKEN,
            "{\"user_id\":\"usr_k8x9m2\",\"start\":\"2026-02-06T14:00:00Z\","
                + "\"end\":\"2026-02-06T14:30:00Z\",\"service\":\"order-svc\",\"errors_only\":true}");
    HttpResponse<String> got =
        get(
            "/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z&end=2026-02-06T14:30:00Z"
                + "&service=order-svc&errors_only=true");

    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body())
        .contains("\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"")
        .contains("\"has_error\":true")
        .isEqualTo(got.body().replace("\"from_cache\":true", "\"from_cache\":false"));
  }

  @Test
  void post_withoutOrWithWrongToken_isRefusedBeforeTheBodyIsRead() throws Exception {
    String body = "{\"user_id\":\"usr_k8x9m2\",\"start\":\"2026-02-06T14:00:00Z\"}";

    HttpResponse<String> none = post("/api/lookup", null, body);
    HttpResponse<String> wrong = post("/api/lookup", "nope", body);

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain("usr_k8x9m2");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all | send the parameters as a JSON object",
        "[\"usr_k8x9m2\"] | send the parameters as a JSON object",
        "{\"start\":\"2026-02-06T14:00:00Z\"} | user_id is required",
        "{\"user_id\":\"usr\\\" or true\",\"start\":\"2026-02-06T14:00:00Z\"} | user_id is"
            + " required",
        "{\"user_id\":{\"id\":\"usr_k8x9m2\"},\"start\":\"2026-02-06T14:00:00Z\"} | user_id must be"
            + " a JSON string",
        "{\"user_id\":\"usr_k8x9m2\",\"start\":\"yesterday\"} | start is required, as an ISO-8601"
            + " instant",
        "{\"user_id\":\"usr_k8x9m2\",\"start\":\"2026-02-06T14:00:00Z\",\"end\":\"2026-03-06T14:00:00Z\"}"
            + " | narrow it",
        "{\"user_id\":\"usr_k8x9m2\",\"start\":\"2026-02-06T14:00:00Z\",\"errors_only\":\"maybe\"}"
            + " | errors_only"
      })
  void post_badBody_saysWhatIsExpected(String body, String message) throws Exception {
    HttpResponse<String> response = post("/api/lookup", TOKEN, body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains(message);
  }

  @Test
  void post_idsInTheUrl_areRefusedSoClientsMoveThemToTheBody() throws Exception {
    HttpResponse<String> response =
        post(
            "/api/lookup?user_id=usr_k8x9m2",
            TOKEN,
            "{\"user_id\":\"usr_k8x9m2\",\"start\":\"2026-02-06T14:00:00Z\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("JSON body").doesNotContain("usr_k8x9m2");
  }

  @Test
  void post_bodyOverTheLimit_isRefusedWithoutReadingIt() throws Exception {
    String padding = "x".repeat(64 * 1024);
    HttpResponse<String> response =
        post(
            "/api/lookup",
            TOKEN,
            "{\"user_id\":\"usr_k8x9m2\",\"start\":\"2026-02-06T14:00:00Z\",\"pad\":\""
                + padding
                + "\"}");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("bytes");
  }

  @Test
  void get_stillWorks() throws Exception {
    HttpResponse<String> response =
        get("/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"");
  }
}
