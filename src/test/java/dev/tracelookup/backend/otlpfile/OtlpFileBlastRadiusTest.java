package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.BlastTraces.CUSTOMER;
import static dev.tracelookup.backend.BlastTraces.query;
import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OtlpFileBlastRadiusTest {
  private static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  private static final Path DEMO = Path.of("config/demo");

  @TempDir Path directory;

  @Test
  void countSameFailure_demoDay_countsIncidentBurstOfOtherCustomers() throws IOException {
    OtlpFileBackend backend = OtlpFileBackend.open(DEMO, USER_KEYS, Optional.empty(), "demo files");

    FailureTally.Counts counts = counted(backend.countSameFailure(query(200))).excluding(CUSTOMER);

    assertThat(counts.requests()).isEqualTo(37);
    assertThat(counts.customers()).isEqualTo(19);
    assertThat(counts.atLeast()).isFalse();
    assertThat(counts.firstSeen().orElseThrow())
        .isBetween(Instant.parse("2026-02-06T14:12:00Z"), Instant.parse("2026-02-06T14:13:00Z"));
    assertThat(counts.lastSeen().orElseThrow())
        .isBetween(Instant.parse("2026-02-06T14:24:00Z"), Instant.parse("2026-02-06T14:25:00Z"));
  }

  @Test
  void countSameFailure_limitReached_saysAtLeastAndReadsNoMore() throws IOException {
    OtlpFileBackend backend = OtlpFileBackend.open(DEMO, USER_KEYS, Optional.empty(), "demo files");

    FailureTally tally = counted(backend.countSameFailure(query(5)));

    assertThat(tally.traces()).isEqualTo(5);
    assertThat(tally.excluding(CUSTOMER).atLeast()).isTrue();
  }

  @Test
  void countSameFailure_sameSpanFailingOtherwiseOrSucceeding_isNotCounted() throws IOException {
    write(
        "a.jsonl",
        line(
            resource(
                "order-svc",
                charge("0000000000000000000000000000a001", "14:17:00", "502")
                    .attr("user.id", "usr_1"),
                // Another failure of the same call: a 404 is not the culprit's 502.
                charge("0000000000000000000000000000a002", "14:18:00", "404")
                    .attr("user.id", "usr_2"),
                // The call succeeding, in a trace failing elsewhere.
                span("0000000000000000000000000000a003", "00000000000000b3")
                    .name("POST payment-svc/charge")
                    .client()
                    .at("2026-02-06T14:19:00Z")
                    .attr("http.response.status_code", "200")
                    .attr("user.id", "usr_3"),
                span("0000000000000000000000000000a003", "00000000000000c3")
                    .name("other")
                    .at("2026-02-06T14:19:00Z")
                    .error())));
    OtlpFileBackend backend =
        OtlpFileBackend.open(directory, USER_KEYS, Optional.empty(), "test files");

    FailureTally.Counts counts = counted(backend.countSameFailure(query(50))).excluding(CUSTOMER);

    assertThat(counts.requests()).isEqualTo(1);
    assertThat(counts.customers()).isEqualTo(1);
  }

  private static SpanJson charge(String traceId, String time, String status) {
    return span(traceId, "00000000000000" + traceId.substring(30))
        .name("POST payment-svc/charge")
        .client()
        .at("2026-02-06T" + time + "Z")
        .lasting(Duration.ofMillis(1750))
        .attr("http.response.status_code", status)
        .error();
  }

  private void write(String file, String... lines) throws IOException {
    Files.writeString(directory.resolve(file), String.join("\n", lines) + "\n");
  }

  private static FailureTally counted(SameFailureCount count) {
    assertThat(count).isInstanceOf(SameFailureCount.Counted.class);
    return ((SameFailureCount.Counted) count).tally();
  }
}
