package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.http.HttpFailure.Kind;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class HttpFailureTest {

  @ParameterizedTest
  @EnumSource(
      value = Kind.class,
      names = {"REJECTED", "RATE_LIMITED", "SERVER_ERROR", "NOT_FOUND"})
  void new_kindDefinedByAStatusWithoutOne_isAProgrammingError(Kind kind) {
    assertThatThrownBy(
            () -> new HttpFailure(kind, "Tempo", "GET /", OptionalInt.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_withoutDetailOrWait_hasEmptyOnes() {
    HttpFailure failure = new HttpFailure(Kind.TIMEOUT, "Tempo", null, OptionalInt.empty(), null);

    assertThat(failure.detail()).isEmpty();
    assertThat(failure.retryAfter()).isEmpty();
  }
}
