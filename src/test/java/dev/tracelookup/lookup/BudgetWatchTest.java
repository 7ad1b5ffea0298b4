package dev.tracelookup.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.CallScope;
import dev.tracelookup.http.ReadBudget;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class BudgetWatchTest {
  private final CallScope scope = CallScope.open(Duration.ofSeconds(30), ReadBudget.unlimited());

  @Test
  void workThatEndsInTime_isNotExpiredAndNeverInterruptedLater() throws Exception {
    BudgetWatch.Ran<String> ran = BudgetWatch.run(Duration.ofMillis(20), scope, () -> "card");

    assertThat(ran.value()).isEqualTo("card");
    assertThat(ran.expired()).isFalse();
    assertThat(scope.aborted()).isFalse();
    // A late alarm would interrupt this wait, which outlasts the budget several times over.
    assertThat(new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS)).isFalse();
  }

  @Test
  void workBlockedPastTheBudget_isInterruptedAndItsScopeAborted() {
    CountDownLatch never = new CountDownLatch(1);

    BudgetWatch.Ran<Boolean> ran =
        BudgetWatch.run(
            Duration.ofMillis(50),
            scope,
            () -> {
              try {
                return never.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
              }
            });

    assertThat(ran.expired()).isTrue();
    assertThat(scope.aborted()).isTrue();
    assertThat(Thread.currentThread().isInterrupted())
        .as("the watch's interrupt is cleared, not left for what the thread does next")
        .isFalse();
  }

  @Test
  void anInterruptFromElsewhere_isLeftForTheThreadToSee() {
    BudgetWatch.Ran<Boolean> ran =
        BudgetWatch.run(
            Duration.ofSeconds(30),
            scope,
            () -> {
              Thread.currentThread().interrupt();
              return true;
            });

    assertThat(ran.expired()).isFalse();
    assertThat(Thread.interrupted()).isTrue();
  }
}
