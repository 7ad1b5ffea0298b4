package dev.tracelookup.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.http.CallScope;
import dev.tracelookup.http.ReadBudget;
import dev.tracelookup.testing.Rendezvous;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class SearchFanoutTest {
  private final ExecutorService pool = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void all_searchesThatWaitForEachOther_runAtOnceAndAnswerInOrder() {
    Rendezvous started = new Rendezvous(3);

    List<String> answers =
        new SearchFanout(pool, 3, 16).all(List.of("a", "b", "c"), meeting(started));

    assertThat(answers).containsExactly("a:met", "b:met", "c:met");
  }

  @Test
  void all_oneSearch_runsOnTheCallersThread() {
    Thread caller = Thread.currentThread();

    List<Boolean> here =
        new SearchFanout(pool, 4, 16).all(List.of("one"), key -> Thread.currentThread() == caller);

    assertThat(here).containsExactly(true);
  }

  @Test
  void all_moreSearchesThanItsWidth_usesWidthLanesTheCallersIncluded() {
    AtomicInteger lanesHandedOver = new AtomicInteger();
    SearchFanout fanout = new SearchFanout(counting(lanesHandedOver, pool), 2, 16);

    List<String> answers = fanout.all(List.of(1, 2, 3, 4, 5), key -> "found");

    assertThat(answers).hasSize(5).containsOnly("found");
    assertThat(lanesHandedOver).hasValue(1);
  }

  @Test
  void all_everyExtraLaneTaken_runsItsSearchesOnTheCallerOneAfterTheOther() {
    Thread caller = Thread.currentThread();
    AtomicInteger lanesHandedOver = new AtomicInteger();
    SearchFanout none = new SearchFanout(counting(lanesHandedOver, pool), 4, 0);

    List<Boolean> here = none.all(List.of(1, 2), key -> Thread.currentThread() == caller);

    assertThat(here).containsExactly(true, true);
    assertThat(lanesHandedOver).hasValue(0);
  }

  @Test
  void all_extraLane_isGivenBackForTheNextLookup() {
    AtomicInteger lanesHandedOver = new AtomicInteger();
    SearchFanout one = new SearchFanout(counting(lanesHandedOver, Runnable::run), 2, 1);

    one.all(List.of(1, 2), key -> "found");
    one.all(List.of(1, 2), key -> "found");

    assertThat(lanesHandedOver).hasValue(2);
  }

  @Test
  void all_executorRefuses_runsEverySearchOnTheCaller() {
    Thread caller = Thread.currentThread();
    SearchFanout refused =
        new SearchFanout(
            task -> {
              throw new RejectedExecutionException("full");
            },
            4,
            16);

    List<Boolean> here = refused.all(List.of(1, 2), key -> Thread.currentThread() == caller);

    assertThat(here).containsExactly(true, true);
  }

  @Test
  void all_searchOnAnotherThread_seesTheCallersScope() {
    try (CallScope scope = CallScope.open(Duration.ofSeconds(5), ReadBudget.of(1_000_000))) {
      List<Optional<CallScope>> seen =
          scope.call(
              () -> new SearchFanout(pool, 2, 16).all(List.of(1, 2), key -> CallScope.current()));

      assertThat(seen).containsExactly(Optional.of(scope), Optional.of(scope));
    }
  }

  @Test
  void all_searchThrowsOnAnotherThread_surfacesTheBugUnwrapped() {
    Rendezvous started = new Rendezvous(2);
    Function<String, String> fineOrBug =
        key -> {
          started.arrive();
          if (key.equals("bug")) {
            throw new IllegalStateException("bug in a reader");
          }
          return key;
        };

    assertThatThrownBy(() -> new SearchFanout(pool, 2, 16).all(List.of("fine", "bug"), fineOrBug))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug in a reader");
  }

  /** A search that answers once every search has started, saying whether it met the others. */
  private static Function<String, String> meeting(Rendezvous started) {
    return name -> name + (started.arrive() ? ":met" : ":alone");
  }

  /** Hands each lane on to the executor, counting them. */
  private static Executor counting(AtomicInteger lanesHandedOver, Executor executor) {
    return task -> {
      lanesHandedOver.incrementAndGet();
      executor.execute(task);
    };
  }
}
