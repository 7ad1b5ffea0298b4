package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.FakeSlackSocket;
import dev.tracelookup.testing.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: the app opens a connection with its app-level token, Slack pushes a slash
 * command envelope, the ack goes back over the socket and the card to {@code response_url}; {@code
 * /readyz} follows the websocket.
 */
final class SocketModeEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();
  private final MutableClock clock = new MutableClock(Instant.now());
  private FakeSlackApi slackApi;
  private FakeSlackSocket socket;
  private Bot bot;

  @BeforeEach
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    socket = new FakeSlackSocket();
    slackApi.socketUrl(socket.url());
    slackApi.zone("U0AGENT", "Europe/Paris");
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                "config/trace-lookup.yml",
                "SLACK_API_URL",
                slackApi.apiUrl(),
                "SLACK_BOT_TOKEN",
                "xoxb-test",
                "SLACK_APP_TOKEN",
                "xapp-test",
                "PORT",
                "0"));
    bot = Bot.start(config, clock, Telemetry.noop());
  }

  @AfterEach
  void stop() throws Exception {
    // Closes the websocket with its reconnect loop off; the fakes go away next.
    bot.close();
    socket.close();
    slackApi.close();
  }

  @Test
  void slashCommandEnvelope_isAckedOverTheSocketAndAnsweredWithTheCard() throws Exception {
    String payload =
        "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"team_domain\":\"acme\",\"channel_id\":\"C0SUPPORT\","
            + "\"channel_name\":\"support\",\"user_id\":\"U0AGENT\",\"user_name\":\"agent\",\"command\":\"/trace-lookup\",\"text\":\"usr_k8x9m2"
            + " 2026-02-06 15:15 tz Europe/Paris\",\"api_app_id\":\"A0001\",\"response_url\":\""
            + slackApi.responseUrl("socket")
            + "\",\"trigger_id\":\"1.2.3\"}";

    socket.push(
        "{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
            + "\"payload\":"
            + payload
            + "}",
        WAIT);

    String ack = socket.take(WAIT);
    assertThat(ack).contains("\"envelope_id\":\"env-1\"").contains("usr_k8x9m2").contains("14:00");
    FakeHttpServer.RecordedRequest answer = slackApi.server().takeRequest("/response/socket", WAIT);
    assertThat(answer.body())
        .contains("POST payment-svc/charge")
        .contains("502")
        .contains("ConnectionRefusedError");
  }

  @Test
  void readyz_whileTheWebsocketIsDown_isNotReadyAndNamesTheSlackConnection() throws Exception {
    socket.awaitConnected(WAIT);
    JsonNode connected = readyz(200);
    assertThat(slack(connected).get("status").asText()).isEqualTo("up");
    assertThat(slack(connected).get("required").asBoolean()).isTrue();

    // Slack drops the connection and every reconnect fails: no request can arrive any more.
    slackApi.override(
        "apps.connections.open",
        request -> FakeHttpServer.Reply.json("{\"ok\":false,\"error\":\"invalid_auth\"}"));
    socket.close();

    JsonNode down = awaitReadyz(503);
    assertThat(down.get("status").asText()).isEqualTo("not_ready");
    assertThat(slack(down).get("name").asText()).isEqualTo("Slack (Socket Mode)");
    assertThat(slack(down).get("status").asText()).isEqualTo("down");
    assertThat(slack(down).get("detail").asText()).contains("websocket not connected");
    assertThat(down.toString()).doesNotContain("xapp-test").doesNotContain("xoxb-test");
  }

  private JsonNode readyz(int expectedStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(bot.uri().resolve("/readyz")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return new ObjectMapper().readTree(response.body());
  }

  /** Asks again, past the readiness cache each time, until the status comes or the wait is over. */
  private JsonNode awaitReadyz(int expectedStatus) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      clock.advance(Duration.ofSeconds(10));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(bot.uri().resolve("/readyz")).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == expectedStatus || System.nanoTime() > deadline) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(response.body());
      }
      socket.awaitClientGone(Duration.ofMillis(200));
    }
  }

  private static JsonNode slack(JsonNode readyz) {
    for (JsonNode dependency : readyz.get("dependencies")) {
      if (dependency.get("kind").asText().equals("slack")) {
        return dependency;
      }
    }
    throw new AssertionError("no slack dependency in " + readyz);
  }
}
