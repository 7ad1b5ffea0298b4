package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
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
 * {@code /readyz} of the real server and object graph, against a fake Tempo, a Statuspage that
 * fails and a Zendesk that was never called.
 */
final class ReadinessEndToEndTest {
  private static final String ZENDESK_TOKEN = "zendesk-secret-token";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path dir;
  private FakeHttpServer tempo;
  private FakeHttpServer statuspage;
  private Bot bot;

  @BeforeEach
  void fakes() throws Exception {
    tempo = new FakeHttpServer(request -> Reply.status(200, "echo"));
    statuspage = new FakeHttpServer(request -> Reply.status(500, "{\"error\":\"down\"}"));
  }

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.close();
    }
    tempo.close();
    statuspage.close();
  }

  private void startBot() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            """
            backend:
              type: tempo
              timeout: 2s
              attempts: 1
            incidents:
              sources:
                - type: statuspage
                  name: status page
                  url: %s
            tickets:
              zendesk:
                url: https://acme.zendesk.com
                email-env: ZENDESK_EMAIL
                token-env: ZENDESK_API_TOKEN
            """
                .formatted(statuspage.uri()));
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                file.toString(),
                "PORT",
                "0",
                "TRACE_BACKEND_URL",
                tempo.uri().toString(),
                "ZENDESK_EMAIL",
                "bot@acme.com",
                "ZENDESK_API_TOKEN",
                ZENDESK_TOKEN));
    bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop(), Bot.SlackFace.NONE);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(bot.uri().resolve(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode dependency(JsonNode body, String kind) {
    for (JsonNode dependency : body.get("dependencies")) {
      if (dependency.get("kind").asText().equals(kind)) {
        return dependency;
      }
    }
    throw new AssertionError("no " + kind + " in " + body);
  }

  @Test
  void readyz_backendUpIncidentSourceDown_is200DegradedListingEveryDependency() throws Exception {
    startBot();

    HttpResponse<String> response = get("/readyz");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("degraded");
    assertThat(dependency(body, "backend").get("status").asText()).isEqualTo("up");
    assertThat(dependency(body, "backend").get("required").asBoolean()).isTrue();
    assertThat(dependency(body, "incident_source").get("name").asText()).isEqualTo("status page");
    assertThat(dependency(body, "incident_source").get("status").asText()).isEqualTo("down");
    assertThat(dependency(body, "ticket_system").get("name").asText())
        .isEqualTo("Zendesk acme.zendesk.com");
    assertThat(dependency(body, "ticket_system").get("status").asText()).isEqualTo("unknown");
    assertThat(tempo.takeRequest("/api/echo", Duration.ofSeconds(5))).isNotNull();
    assertThat(response.body())
        .doesNotContain(ZENDESK_TOKEN, "127.0.0.1", "Exception", "\"error\"");
  }

  @Test
  void readyz_backendFailing_is503NotReadyWhileHealthzStays200() throws Exception {
    tempo.route(request -> Reply.status(503, "Service Unavailable"));
    startBot();

    HttpResponse<String> ready = get("/readyz");
    HttpResponse<String> live = get("/healthz");

    assertThat(ready.statusCode()).isEqualTo(503);
    JsonNode body = json.readTree(ready.body());
    assertThat(body.get("status").asText()).isEqualTo("not_ready");
    assertThat(dependency(body, "backend").get("detail").asText())
        .isEqualTo("check failed: server_error");
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  void readyz_polledAgainAtOnce_answersFromTheLastChecksWithoutCallingTheBackend()
      throws Exception {
    startBot();
    get("/readyz");
    tempo.takeRequest("/api/echo", Duration.ofSeconds(5));

    HttpResponse<String> again = get("/readyz");

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(tempo.pending()).isZero();
  }
}
