package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

final class CallGateTest {

  @Test
  void enter_withAPlaceFree_returnsAtOnceWithoutWaiting() {
    CallGate gate = CallGate.of(2);

    Optional<CallGate.Place> place = gate.enter(Duration.ZERO);

    assertThat(place).isPresent();
    assertThat(place.get().waited()).isEqualTo(Duration.ZERO);
    assertThat(gate.open()).isEqualTo(1);
  }

  @Test
  void enter_whenEveryPlaceIsTaken_failsAfterItsWaitAndCountsNothing() {
    CallGate gate = CallGate.of(1);
    CallGate.Place first = gate.enter(Duration.ZERO).orElseThrow();

    assertThat(gate.enter(Duration.ofMillis(20))).isEmpty();
    assertThat(gate.waiting()).isZero();
    assertThat(gate.open()).isEqualTo(1);
    first.close();
  }

  @Test
  void close_givesThePlaceBackOnceEvenWhenClosedTwice() {
    CallGate gate = CallGate.of(1);
    CallGate.Place place = gate.enter(Duration.ZERO).orElseThrow();

    place.close();
    place.close();

    assertThat(gate.open()).isZero();
    assertThat(gate.enter(Duration.ZERO)).isPresent();
    assertThat(gate.enter(Duration.ZERO)).isEmpty();
  }

  @Test
  void waiters_getPlacesInTheOrderTheyAsked() throws Exception {
    CallGate gate = CallGate.of(1);
    CallGate.Place held = gate.enter(Duration.ZERO).orElseThrow();
    List<Integer> served = java.util.Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> waiters = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int number = i;
      CountDownLatch queued = new CountDownLatch(1);
      waiters.add(
          CompletableFuture.runAsync(
              () -> {
                queued.countDown();
                try (CallGate.Place place = gate.enter(Duration.ofSeconds(30)).orElseThrow()) {
                  served.add(number);
                }
              }));
      queued.await();
      // Queued once the gate counts it: the next waiter asks only after this one waits.
      while (gate.waiting() < number + 1) {
        Thread.onSpinWait();
      }
    }

    held.close();
    CompletableFuture.allOf(waiters.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    assertThat(served).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void meanHold_followsHowLongPlacesAreHeld() {
    CallGate gate = CallGate.of(1);
    assertThat(gate.meanHold()).isEqualTo(Duration.ZERO);

    gate.enter(Duration.ZERO).orElseThrow().close();

    assertThat(gate.meanHold()).isPositive();
  }
}
