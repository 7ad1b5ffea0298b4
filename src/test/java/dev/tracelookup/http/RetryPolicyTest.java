package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.http.HttpFailure.Kind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class RetryPolicyTest {

  @Test
  void transientFailures_retriesTheServerAndTheNetworkButNotARefusalOrAnUnreadableAnswer() {
    RetryPolicy policy = RetryPolicy.transientFailures(3);

    assertThat(policy.retries(Kind.SERVER_ERROR)).isTrue();
    assertThat(policy.retries(Kind.RATE_LIMITED)).isTrue();
    assertThat(policy.retries(Kind.TIMEOUT)).isTrue();
    assertThat(policy.retries(Kind.UNREACHABLE)).isTrue();
    assertThat(policy.retries(Kind.REJECTED)).isFalse();
    assertThat(policy.retries(Kind.MALFORMED)).isFalse();
    assertThat(policy.retries(Kind.INTERNAL)).isFalse();
  }

  @Test
  void backoff_doublesFromTheFirstWaitAndStopsAtTheLongest() {
    RetryPolicy policy = RetryPolicy.transientFailures(10);

    assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(400));
    assertThat(policy.backoff(7)).isEqualTo(Duration.ofMillis(12_800));
    assertThat(policy.backoff(60)).isEqualTo(Duration.ofMillis(12_800));
  }

  @Test
  void newPolicy_withoutAnAttemptOrWithBackoffsInTheWrongOrder_isRefused() {
    assertThatThrownBy(() -> RetryPolicy.transientFailures(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1), Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
