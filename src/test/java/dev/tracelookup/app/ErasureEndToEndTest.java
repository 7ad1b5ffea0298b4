package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/erasure} through the real server: an erasure request empties the caches of one
 * customer.
 */
final class ErasureEndToEndTest {
  private static final String ADMIN_TOKEN = "admin-token";
  private static final String LOOKUP_TOKEN = "lookup-token";
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path dir;
  private Bot bot;

  private void start(boolean withAdminToken) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            "backend:\n  directory: "
                + Path.of("config/demo").toAbsolutePath()
                + "\naudit:\n  destination: file\n  path: audit.jsonl\n");
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                config.toString(),
                "PORT",
                "0",
                "LOOKUP_API_TOKEN",
                LOOKUP_TOKEN));
    if (withAdminToken) {
      env.put("ADMIN_API_TOKEN", ADMIN_TOKEN);
    }
    Config loaded = ConfigLoader.load(env);
    bot = Bot.start(loaded, Clock.systemUTC(), Telemetry.noop(), Bot.SlackFace.NONE);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  private HttpResponse<String> lookUp() throws Exception {
    URI uri =
        bot.uri()
            .resolve(
                "/api/lookup?user_id=usr_k8x9m2&start=2026-02-06T14:00:00Z&end=2026-02-06T14:30:00Z");
    return http.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + LOOKUP_TOKEN).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> erase(String token, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(bot.uri().resolve("/api/erasure"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void erasure_afterALookup_removesItsCachedLookupAndTracesAndTheNextLookupIsFresh()
      throws Exception {
    start(true);
    lookUp();

    HttpResponse<String> erased = erase(ADMIN_TOKEN, "{\"user_id\":\"usr_k8x9m2\"}");
    JsonNode again = json.readTree(lookUp().body());

    assertThat(erased.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(erased.body());
    assertThat(body.get("lookups_removed").asInt()).isEqualTo(1);
    assertThat(body.get("traces_removed").asInt()).isPositive();
    assertThat(body.get("user").asText()).startsWith("u:");
    assertThat(erased.body()).doesNotContain("usr_k8x9m2");
    assertThat(again.get("from_cache").asBoolean()).isFalse();
  }

  @Test
  void erasure_isAuditedByFingerprintOnly() throws Exception {
    start(true);

    erase(ADMIN_TOKEN, "{\"user_id\":\"usr_k8x9m2\"}");

    List<String> lines = Files.readAllLines(dir.resolve("audit.jsonl"));
    assertThat(lines).hasSize(1);
    JsonNode line = json.readTree(lines.get(0));
    assertThat(line.get("event").asText()).isEqualTo("erasure");
    assertThat(line.get("user_hash").asText()).startsWith("u:");
    assertThat(lines.get(0)).doesNotContain("usr_k8x9m2").doesNotContain(ADMIN_TOKEN);
  }

  @Test
  void erasure_withoutOrWithWrongOrLookupToken_isRefusedAndErasesNothing() throws Exception {
    start(true);
    lookUp();

    List<HttpResponse<String>> refused =
        List.of(
            erase(null, "{\"user_id\":\"usr_k8x9m2\"}"),
            erase("nope", "{\"user_id\":\"usr_k8x9m2\"}"),
            erase(LOOKUP_TOKEN, "{\"user_id\":\"usr_k8x9m2\"}"));

    assertThat(refused).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(401));
    assertThat(bot.cachedLookups()).isEqualTo(1);
  }

  @Test
  void erasure_withoutAdminTokenConfigured_isDisabledAndSaysHowToEnableIt() throws Exception {
    start(false);

    HttpResponse<String> response = erase("anything", "{\"user_id\":\"usr_k8x9m2\"}");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("ADMIN_API_TOKEN");
  }

  @Test
  void erasure_bodyNotNamingAUser_saysWhatToSend() throws Exception {
    start(true);

    List<HttpResponse<String>> answers =
        List.of(
            erase(ADMIN_TOKEN, "usr_k8x9m2"),
            erase(ADMIN_TOKEN, "{}"),
            erase(ADMIN_TOKEN, "{\"user_id\":42}"),
            erase(ADMIN_TOKEN, "{\"user_id\":\"" + "x".repeat(600) + "\"}"));

    assertThat(answers)
        .allSatisfy(
            response -> {
              assertThat(response.statusCode()).isEqualTo(400);
              assertThat(response.body()).contains("user_id");
            });
  }

  @Test
  void erasure_getInsteadOfPost_isNotAllowed() throws Exception {
    start(true);

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(bot.uri().resolve("/api/erasure"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).doesNotContain("Exception");
  }
}
