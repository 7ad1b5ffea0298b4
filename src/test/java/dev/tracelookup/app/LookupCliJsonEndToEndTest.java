package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code lookup --format json} prints the document {@code /api/lookup} answers, field for field, so
 * a script can move between the two.
 */
final class LookupCliJsonEndToEndTest {
  private static final String TOKEN = "lookup-token-c1f0";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void lookupFormatJson_demoCustomer_printsExactlyWhatTheApiAnswers() throws Exception {
    Config config =
        ConfigLoader.load(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                "config/trace-lookup.yml",
                "PORT",
                "0",
                "LOOKUP_API_TOKEN",
                TOKEN));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit =
        LookupCli.run(
            config,
            Clock.systemUTC(),
            List.of("--format", "json", "usr_k8x9m2", "2026-02-06T14:00Z..2026-02-06T14:30Z"),
            ZoneOffset.UTC,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    HttpResponse<String> api;
    try (Bot bot = Bot.start(config, Clock.systemUTC(), Telemetry.noop(), Bot.SlackFace.NONE)) {
      api =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          bot.uri()
                              .resolve(
                                  "/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z"
                                      + "&end=2026-02-06T14:30:00Z"))
                      .header("Authorization", "Bearer " + TOKEN)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
    }

    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(api.statusCode()).isEqualTo(200);
    JsonNode printed = JSON.readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(printed).isEqualTo(JSON.readTree(api.body()));
    assertThat(printed.path("traces")).isNotEmpty();
    assertThat(printed.path("blast_radius").path("other_customers").asInt()).isEqualTo(19);
    assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(api.body());
  }
}
