package dev.tracelookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.slack.SlackApp;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.FakeSlackSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode end to end: the app opens a connection with its app-level token, Slack pushes a
 * slash command envelope, the ack goes back over the socket and the card to {@code response_url}.
 */
final class SocketModeEndToEndTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private FakeSlackApi slackApi;
  private FakeSlackSocket socket;
  private Wiring wiring;
  private SocketModeApp socketMode;

  @BeforeEach
  void start() throws Exception {
    slackApi = new FakeSlackApi();
    socket = new FakeSlackSocket();
    slackApi.socketUrl(socket.url());
    slackApi.zone("U0AGENT", "Europe/Paris");
    Config config = ConfigLoader.load(Map.of("TRACE_LOOKUP_CONFIG", "config/trace-lookup.yml",
        "SLACK_API_URL", slackApi.apiUrl(), "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-test"));
    ConfigLoader.checkServing(config);
    wiring = new Wiring(config, Clock.systemUTC());
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());
    App app = SlackApp.create(config, Slack.getInstance(slackConfig), wiring.slackServices(), wiring.jobs, wiring.slackCalls, Ticker.systemTicker());
    socketMode = SlackApp.startSocketMode(config.slack().appToken().orElseThrow().value(), app);
  }

  @AfterEach
  void stop() throws Exception {
    socketMode.close();
    wiring.drain();
    socket.close();
    slackApi.close();
  }

  @Test
  void slashCommandEnvelope_isAckedOverTheSocketAndAnsweredWithTheCard() throws Exception {
    String payload = "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"team_domain\":\"acme\",\"channel_id\":\"C0SUPPORT\","
        + "\"channel_name\":\"support\",\"user_id\":\"U0AGENT\",\"user_name\":\"agent\",\"command\":\"/trace-lookup\","
        + "\"text\":\"usr_k8x9m2 2026-02-06 15:15 tz Europe/Paris\",\"api_app_id\":\"A0001\","
        + "\"response_url\":\"" + slackApi.responseUrl("socket") + "\",\"trigger_id\":\"1.2.3\"}";

    socket.push("{\"envelope_id\":\"env-1\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,"
        + "\"payload\":" + payload + "}", WAIT);

    String ack = socket.take(WAIT);
    assertThat(ack).contains("\"envelope_id\":\"env-1\"").contains("usr_k8x9m2").contains("14:00");
    FakeHttpServer.RecordedRequest answer = slackApi.server().takeRequest("/response/socket", WAIT);
    assertThat(answer.body()).contains("POST payment-svc/charge").contains("502").contains("ConnectionRefusedError");
  }
}
