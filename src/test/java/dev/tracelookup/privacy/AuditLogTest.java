package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class AuditLogTest {
  private static final Instant NOW = Instant.parse("2026-02-06T14:20:00Z");
  private static final UserIdFingerprint FINGERPRINTS = new UserIdFingerprint(
      "test fingerprint key, 32 bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "a test key");
  private final List<String> lines = new ArrayList<>();
  private final AuditLog log = new AuditLog(lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void record_lookup_writesOneJsonLineWithEveryField() throws Exception {
    AuditEntry entry = new AuditEntry("share", "U0AGENT", "T0001", "C0SUPPORT", Optional.of(FINGERPRINTS.of("usr_k8x9m2")),
        Optional.of(Instant.parse("2026-02-06T14:00:00Z")), Optional.of(Instant.parse("2026-02-06T14:30:00Z")),
        "Tempo", 5, true, true, "found");

    log.record(entry);

    assertThat(lines).hasSize(1);
    assertThat(lines.get(0)).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("ts").asText()).isEqualTo("2026-02-06T14:20:00Z");
    assertThat(json.get("event").asText()).isEqualTo("share");
    assertThat(json.get("slack_user").asText()).isEqualTo("U0AGENT");
    assertThat(json.get("team").asText()).isEqualTo("T0001");
    assertThat(json.get("channel").asText()).isEqualTo("C0SUPPORT");
    assertThat(json.get("user_hash").asText()).isEqualTo(FINGERPRINTS.of("usr_k8x9m2"));
    assertThat(json.get("window_from").asText()).isEqualTo("2026-02-06T14:00:00Z");
    assertThat(json.get("window_to").asText()).isEqualTo("2026-02-06T14:30:00Z");
    assertThat(json.get("backend").asText()).isEqualTo("Tempo");
    assertThat(json.get("result_count").asInt()).isEqualTo(5);
    assertThat(json.get("cache_hit").asBoolean()).isTrue();
    assertThat(json.get("shared").asBoolean()).isTrue();
    assertThat(json.get("outcome").asText()).isEqualTo("found");
    assertThat(lines.get(0)).doesNotContain("usr_k8x9m2");
  }

  @Test
  void record_denied_hasNoCustomerOrWindow() throws Exception {
    log.record(AuditEntry.denied("U0STRANGER", "T0001", "C0RANDOM"));

    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("event").asText()).isEqualTo("denied");
    assertThat(json.get("outcome").asText()).isEqualTo("denied");
    assertThat(json.get("slack_user").asText()).isEqualTo("U0STRANGER");
    assertThat(json.get("user_hash").isNull()).isTrue();
    assertThat(json.get("window_from").isNull()).isTrue();
  }

  @Test
  void record_sinkFails_doesNotThrow() {
    AuditLog broken = new AuditLog(line -> {
      throw new IllegalStateException("disk full");
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    broken.record(AuditEntry.denied("U0STRANGER", "T0001", "C0RANDOM"));

    assertThat(lines).isEmpty();
  }
}
