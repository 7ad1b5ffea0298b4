package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.privacy.AuditLog;
import dev.tracelookup.privacy.UserIdFingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class AuditsTest {
  private static final Instant NOW = Instant.parse("2026-02-06T14:20:00Z");
  private static final Asker ASKER = new Asker("U0AGENT", "T0001", "C0SUPPORT");
  private final List<String> lines = new ArrayList<>();
  private static final UserIdFingerprint FINGERPRINTS =
      new UserIdFingerprint(
          "test fingerprint key, 32 bytes!!".getBytes(StandardCharsets.US_ASCII), "a test key");
  private final Audits audits =
      new Audits(
          new AuditLog(lines::add, Clock.fixed(NOW, ZoneOffset.UTC)), "demo files", FINGERPRINTS);

  private static LookupRequest request() {
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T14:30:00Z"),
            ZoneOffset.UTC,
            "2:00–2:30 PM");
    return new LookupRequest("usr_k8x9m2", window, Optional.empty(), Optional.empty(), false);
  }

  @Test
  void lookup_noTraces_recordsTheAskerWindowAndFingerprintOnly() throws Exception {
    audits.lookup("lookup", ASKER, new LookupOutcome.NoTraces(request(), List.of()), false);

    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("event").asText()).isEqualTo("lookup");
    assertThat(json.get("slack_user").asText()).isEqualTo("U0AGENT");
    assertThat(json.get("team").asText()).isEqualTo("T0001");
    assertThat(json.get("channel").asText()).isEqualTo("C0SUPPORT");
    assertThat(json.get("user_hash").asText())
        .isEqualTo(FINGERPRINTS.of("usr_k8x9m2"))
        .matches("u:[0-9a-f]{20}");
    assertThat(json.get("window_from").asText()).isEqualTo("2026-02-06T14:00:00Z");
    assertThat(json.get("window_to").asText()).isEqualTo("2026-02-06T14:30:00Z");
    assertThat(json.get("backend").asText()).isEqualTo("demo files");
    assertThat(json.get("result_count").asInt()).isZero();
    assertThat(json.get("cache_hit").asBoolean()).isFalse();
    assertThat(json.get("shared").asBoolean()).isFalse();
    assertThat(json.get("outcome").asText()).isEqualTo("no_traces");
    assertThat(lines.get(0)).doesNotContain("usr_k8x9m2");
  }

  @Test
  void lookup_failedShare_recordsFailureAndShared() throws Exception {
    LookupOutcome failed =
        new LookupOutcome.Failed(
            request(),
            BackendFailure.of(BackendFailure.Kind.TIMEOUT, "demo files", "no answer within 25 s"));

    audits.lookup("share", ASKER, failed, true);

    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("event").asText()).isEqualTo("share");
    assertThat(json.get("shared").asBoolean()).isTrue();
    assertThat(json.get("outcome").asText()).isEqualTo("failed");
    assertThat(lines.get(0)).doesNotContain("usr_k8x9m2").doesNotContain("no answer");
  }
}
