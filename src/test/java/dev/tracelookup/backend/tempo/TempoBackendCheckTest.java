package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Clock;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TempoBackendCheckTest {
  private final FakeTempo tempo;

  TempoBackendCheckTest() throws Exception {
    tempo = new FakeTempo();
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  private TempoBackend backend() {
    return tempo.backend(TempoOptions.defaults(), Clock.systemUTC(), new ArrayList<>());
  }

  @Test
  void check_echoAnswers_isOkAndSendsTheTenantAndToken() throws Exception {
    tempo.answerAll(request -> Reply.status(200, "echo"));

    CheckResult result = backend().check();

    assertThat(result.ok()).isTrue();
    RecordedRequest sent = tempo.takeRequest();
    assertThat(sent.path()).isEqualTo("/api/echo");
    assertThat(sent.header(FakeTempo.TENANT_HEADER)).isEqualTo(FakeTempo.TENANT);
    assertThat(sent.header("Authorization")).isEqualTo(FakeTempo.TOKEN);
  }

  @Test
  void check_frontendNotReady_failsAfterOneCall() throws Exception {
    tempo.answerAll(request -> Reply.status(503, "not ready"));

    CheckResult result = backend().check();

    assertThat(result.failure())
        .map(BackendFailure::kind)
        .hasValue(BackendFailure.Kind.SERVER_ERROR);
    tempo.takeRequest();
    assertThat(tempo.pending()).isZero();
  }

  /** Moved from {@code BackendHttpTelemetryTest}: the client says NOT_FOUND, a backend REJECTED. */
  @Test
  void check_echoNotFound_failsAsRejectedWithItsStatus() {
    tempo.answerAll(request -> Reply.status(404, "no such page"));

    CheckResult result = backend().check();

    assertThat(result.failure()).map(BackendFailure::kind).hasValue(BackendFailure.Kind.REJECTED);
    assertThat(result.failure())
        .hasValueSatisfying(failure -> assertThat(failure.status()).hasValue(404));
  }
}
