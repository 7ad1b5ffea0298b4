package dev.tracelookup.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.HttpFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a backend tells an HTTP failure to the agent. The kinds and statuses themselves come from
 * {@code BackendHttpTest}; the words for them are checked here, where they live.
 */
final class BackendFailureTest {

  private static HttpFailure http(
      HttpFailure.Kind kind, OptionalInt status, Optional<Duration> retryAfter) {
    return new HttpFailure(kind, "Tempo", "GET /api/search: what came back", status, retryAfter);
  }

  @ParameterizedTest
  @CsvSource({
    "UNREACHABLE, , UNREACHABLE",
    "TIMEOUT, , TIMEOUT",
    "REJECTED, 403, REJECTED",
    "RATE_LIMITED, 429, RATE_LIMITED",
    "SERVER_ERROR, 502, SERVER_ERROR",
    "NOT_FOUND, 404, REJECTED",
    "MALFORMED, 200, MALFORMED",
    "TOO_LARGE, 200, TOO_LARGE",
    "BUSY, , BUSY",
    "INTERNAL, 200, INTERNAL"
  })
  void from_everyHttpKind_keepsTheBackendTheDetailAndTheStatus(
      HttpFailure.Kind kind, Integer status, BackendFailure.Kind expected) {
    OptionalInt code = status == null ? OptionalInt.empty() : OptionalInt.of(status);

    BackendFailure failure = BackendFailure.from(http(kind, code, Optional.empty()));

    assertThat(failure.kind()).isEqualTo(expected);
    assertThat(failure.backend()).isEqualTo("Tempo");
    assertThat(failure.detail()).isEqualTo("GET /api/search: what came back");
    assertThat(failure.status()).isEqualTo(code);
  }

  @Test
  void from_rateLimitedWithRetryAfter_saysWhenToTryAgain() {
    BackendFailure failure =
        BackendFailure.from(
            http(
                HttpFailure.Kind.RATE_LIMITED,
                OptionalInt.of(429),
                Optional.of(Duration.ofSeconds(1))));

    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(failure.userMessage()).contains("try again in 1 s");
  }

  @Test
  void from_timeout_saysTheBackendDidNotAnswerInTime() {
    BackendFailure failure =
        BackendFailure.from(http(HttpFailure.Kind.TIMEOUT, OptionalInt.empty(), Optional.empty()));

    assertThat(failure.userMessage()).contains("did not answer in time");
  }

  @Test
  void from_tooLarge_saysTheAnswerWasMoreThanTheBotAccepts() {
    BackendFailure failure =
        BackendFailure.from(
            http(HttpFailure.Kind.TOO_LARGE, OptionalInt.empty(), Optional.empty()));

    assertThat(failure.userMessage()).contains("more data than the bot accepts");
  }

  @Test
  void from_busy_saysTheBotIsBusyWithOtherAnswers() {
    BackendFailure failure =
        BackendFailure.from(http(HttpFailure.Kind.BUSY, OptionalInt.empty(), Optional.empty()));

    assertThat(failure.userMessage())
        .isEqualTo(
            "The bot is busy reading other large answers from Tempo. Try again in"
                + " a minute, or narrow the window or add a service filter.");
  }

  @Test
  void from_internal_saysItIsABugOfTheBotsNotAnAnswerItCouldNotRead() {
    BackendFailure failure =
        BackendFailure.from(http(HttpFailure.Kind.INTERNAL, OptionalInt.of(200), Optional.empty()));

    assertThat(failure.userMessage())
        .isEqualTo(
            "The bot failed reading Tempo's answer; this is a bug, please report it to the team"
                + " that runs the bot.")
        .doesNotContain("could not read");
  }

  @Test
  void checkResult_noFailure_isOk() {
    assertThat(CheckResult.of(Optional.empty())).isEqualTo(CheckResult.OK);
  }

  @Test
  void checkResult_notFound_failsAsRejectedWithItsStatus() {
    CheckResult result =
        CheckResult.of(
            Optional.of(http(HttpFailure.Kind.NOT_FOUND, OptionalInt.of(404), Optional.empty())));

    assertThat(result.failure())
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.REJECTED);
              assertThat(failure.status()).hasValue(404);
            });
  }
}
