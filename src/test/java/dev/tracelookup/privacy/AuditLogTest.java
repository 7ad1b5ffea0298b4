package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.testing.MutableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class AuditLogTest {
  private static final Instant NOW = Instant.parse("2026-02-06T14:20:00Z");
  private static final UserIdFingerprint FINGERPRINTS =
      new UserIdFingerprint(
          "test fingerprint key, 32 bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          "a test key");
  private final List<String> lines = new ArrayList<>();
  private final AuditLog log = new AuditLog(lines::add, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void record_lookup_writesOneJsonLineWithEveryField() throws Exception {
    AuditEntry entry =
        new AuditEntry(
            "share",
            "U0AGENT",
            "T0001",
            "C0SUPPORT",
            Optional.of(FINGERPRINTS.of("usr_k8x9m2")),
            Optional.of(Instant.parse("2026-02-06T14:00:00Z")),
            Optional.of(Instant.parse("2026-02-06T14:30:00Z")),
            "Tempo",
            5,
            true,
            true,
            "found");

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
  void record_sinkFails_doesNotThrowAndWithholdsTheAnswerByDefault() {
    AuditLog broken =
        new AuditLog(
            line -> {
              throw new IllegalStateException("disk full");
            },
            Clock.fixed(NOW, ZoneOffset.UTC));

    AuditLog.Recorded recorded =
        broken.record(AuditEntry.denied("U0STRANGER", "T0001", "C0RANDOM"));

    assertThat(recorded.withholds()).isTrue();
    assertThat(lines).isEmpty();
    assertThat(broken.health().failing()).isTrue();
    assertThat(broken.health().lost()).isEqualTo(1);
    assertThat(broken.health().reason()).isEqualTo("IllegalStateException");
  }

  @Test
  void record_sinkFailsWithDeliverOnFailure_deliversTheAnswerUnaudited() {
    AuditLog broken =
        new AuditLog(
            line -> {
              throw new IllegalStateException("disk full");
            },
            Clock.fixed(NOW, ZoneOffset.UTC),
            AuditLog.OnFailure.DELIVER);

    assertThat(broken.record(AuditEntry.denied("U0STRANGER", "T0001", "C0RANDOM")).withholds())
        .isFalse();
    assertThat(broken.health().failing()).isTrue();
  }

  @Test
  void record_writes_neitherWithholdsNorFails() {
    assertThat(log.record(AuditEntry.denied("U0STRANGER", "T0001", "C0RANDOM")).withholds())
        .isFalse();
    assertThat(log.health().failing()).isFalse();
  }

  @Test
  void record_afterFailures_firstWritesAGapLineCountingWhatWasLostAndSince() throws Exception {
    MutableClock clock = new MutableClock(NOW);
    boolean[] broken = {true};
    AuditLog flaky =
        new AuditLog(
            line -> {
              if (broken[0]) {
                throw new java.io.UncheckedIOException(
                    new java.nio.file.AccessDeniedException("/var/log/audit.jsonl"));
              }
              lines.add(line);
            },
            clock);
    flaky.record(AuditEntry.denied("U0A", "T0001", "C0A"));
    clock.advance(java.time.Duration.ofMinutes(2));
    flaky.record(AuditEntry.denied("U0B", "T0001", "C0A"));
    assertThat(flaky.health().reason()).isEqualTo("AccessDeniedException");

    broken[0] = false;
    clock.advance(java.time.Duration.ofMinutes(1));
    assertThat(flaky.record(AuditEntry.denied("U0C", "T0001", "C0A")).withholds()).isFalse();

    assertThat(lines).hasSize(2);
    JsonNode gap = new ObjectMapper().readTree(lines.get(0));
    assertThat(gap.get("event").asText()).isEqualTo("audit_gap");
    assertThat(gap.get("outcome").asText()).isEqualTo("resumed");
    assertThat(gap.get("result_count").asInt()).isEqualTo(2);
    assertThat(gap.get("window_from").asText()).isEqualTo("2026-02-06T14:20:00Z");
    assertThat(gap.get("window_to").asText()).isEqualTo("2026-02-06T14:23:00Z");
    assertThat(new ObjectMapper().readTree(lines.get(1)).get("slack_user").asText())
        .isEqualTo("U0C");
    assertThat(flaky.health().failing()).isFalse();
  }

  @Test
  void health_failingLogThatCanWriteAgain_recoversByItselfWritingTheGapLine() {
    boolean[] broken = {true};
    AuditLog flaky =
        new AuditLog(
            line -> {
              if (broken[0]) {
                throw new IllegalStateException("disk full");
              }
              lines.add(line);
            },
            Clock.fixed(NOW, ZoneOffset.UTC));
    flaky.record(AuditEntry.denied("U0A", "T0001", "C0A"));
    assertThat(flaky.health().failing()).isTrue();

    broken[0] = false;

    assertThat(flaky.health().failing()).isFalse();
    assertThat(lines).singleElement().asString().contains("\"event\":\"audit_gap\"");
  }

  @Test
  void record_aboutOneTrace_writesTheTraceIdBesideTheFingerprint() throws Exception {
    log.record(
        new AuditEntry(
            "show_trace",
            "U0AGENT",
            "T0001",
            "C0SUPPORT",
            Optional.of(FINGERPRINTS.of("usr_k8x9m2")),
            Optional.empty(),
            Optional.empty(),
            "Tempo",
            1,
            false,
            false,
            "found",
            Optional.of("4bf92f3577b34da6a3ce929d0e0e4736")));

    JsonNode json = new ObjectMapper().readTree(lines.get(0));
    assertThat(json.get("trace_id").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(json.get("user_hash").asText()).isEqualTo(FINGERPRINTS.of("usr_k8x9m2"));
  }
}
