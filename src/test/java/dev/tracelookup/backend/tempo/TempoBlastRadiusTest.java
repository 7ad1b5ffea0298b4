package dev.tracelookup.backend.tempo;

import static dev.tracelookup.backend.BlastTraces.CUSTOMER;
import static dev.tracelookup.backend.BlastTraces.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TempoBlastRadiusTest {
  private static final Instant NOW = Instant.parse("2026-02-07T09:00:00Z");

  private final List<Duration> pauses = new ArrayList<>();
  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoBlastRadiusTest() throws Exception {
    tempo = new FakeTempo();
    backend = tempo.backend(TempoOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), pauses);
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  /**
   * One trace of Tempo's search answer as the real API writes it: the ID without leading zeros,
   * 64-bit numbers as strings, and the selected user attribute on a span of the spanset beside the
   * culprit.
   */
  private static String trace(String traceId, String start, String userKey, String user) {
    return "{\"traceID\":\""
        + traceId
        + "\",\"rootServiceName\":\"order-svc\",\"rootTraceName\":\"POST /api/v1/orders\","
        + "\"startTimeUnixNano\":\""
        + start
        + "\",\"durationMs\":1900,\"spanSets\":[{\"matched\":2,\"spans\":["
        + "{\"spanID\":\"0000000000000005\",\"name\":\"POST payment-svc/charge\","
        + "\"startTimeUnixNano\":\""
        + start
        + "\",\"durationNanos\":\"1750000000\",\"attributes\":["
        + "{\"key\":\"status\",\"value\":{\"stringValue\":\"error\"}}]},"
        + "{\"spanID\":\"0000000000000001\",\"name\":\"POST /api/v1/orders\","
        + "\"startTimeUnixNano\":\""
        + start
        + "\",\"durationNanos\":\"1900000000\",\"attributes\":["
        + "{\"key\":\""
        + userKey
        + "\",\"value\":{\"stringValue\":\""
        + user
        + "\"}}]}]}]}";
  }

  private static String answer(String... traces) {
    StringJoiner joined = new StringJoiner(",", "{\"traces\":[", "],\"metrics\":{}}");
    for (String trace : traces) {
      joined.add(trace);
    }
    return joined.toString();
  }

  private void burst() {
    tempo.searchAnswers(
        answer(
            trace("4bf92f3577b34da6a3ce929d0e0e4736", "1770387443184000000", "user.id", CUSTOMER),
            trace("a1", "1770387503000000000", "user.id", "usr_other1"),
            trace("a2", "1770387563000000000", "enduser.id", "usr_other1"),
            trace("a3", "1770387263000000000", "user.id", "usr_other2"),
            trace("a4", "1770387623000000000", "user.id", "usr_other3"),
            trace("a5", "1770387683000000000", "user.id", "usr_other3")));
  }

  @Test
  void countSameFailure_sendsTheCulpritsSpansetSelectingUsersWithTheLimitAndNoCustomer()
      throws Exception {
    burst();

    SameFailureCount count = backend.countSameFailure(query(50));

    RecordedRequest sent = tempo.takeRequest();
    assertThat(sent.path()).isEqualTo("/api/search");
    Map<String, String> parameters = FakeTempo.parameters(sent);
    assertThat(parameters.get("q"))
        .isEqualTo(
            "{ resource.service.name = \"order-svc\" && name = \"POST payment-svc/charge\""
                + " && status = error } && { .user.id != nil || .enduser.id != nil }"
                + " | select(.user.id, .enduser.id)");
    assertThat(parameters)
        .containsEntry("start", "1770384600")
        .containsEntry("end", "1770390000")
        .containsEntry("limit", "50")
        .containsEntry("spss", String.valueOf(TempoFailureCount.SPANS_PER_SET));
    assertThat(sent.query()).doesNotContain("usr_");
    assertThat(tempo.pending()).as("no trace is fetched").isZero();
    FailureTally.Counts counts = counted(count).excluding(CUSTOMER);
    assertThat(counts.requests()).isEqualTo(5);
    assertThat(counts.customers()).isEqualTo(3);
    assertThat(counts.atLeast()).isFalse();
    assertThat(counts.firstSeen()).contains(Instant.parse("2026-02-06T14:14:23Z"));
  }

  @Test
  void countSameFailure_limitReached_saysAtLeast() throws Exception {
    burst();

    FailureTally.Counts counts = counted(backend.countSameFailure(query(6))).excluding(CUSTOMER);

    assertThat(FakeTempo.parameters(tempo.takeRequest())).containsEntry("limit", "6");
    assertThat(counts.atLeast()).isTrue();
    assertThat(counts.requests()).isEqualTo(5);
  }

  @Test
  void countSameFailure_tempoRefuses_isAFailureNotACount() {
    tempo.answerAll(
        request ->
            dev.tracelookup.testing.FakeHttpServer.Reply.status(400, "parse error at line 1"));

    assertThat(backend.countSameFailure(query(50))).isInstanceOf(SameFailureCount.Failed.class);
  }

  private static FailureTally counted(SameFailureCount count) {
    assertThat(count).isInstanceOf(SameFailureCount.Counted.class);
    return ((SameFailureCount.Counted) count).tally();
  }
}
