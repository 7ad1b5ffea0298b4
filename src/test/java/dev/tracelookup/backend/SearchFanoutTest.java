package dev.tracelookup.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.http.CallScope;
import dev.tracelookup.http.ReadBudget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
    CountDownLatch started = new CountDownLatch(3);
    Supplier<String> a = meeting(started, "a");
    Supplier<String> b = meeting(started, "b");
    Supplier<String> c = meeting(started, "c");

    List<String> answers = new SearchFanout(pool, 3, 16).all(List.of(a, b, c));

    assertThat(answers).containsExactly("a:met", "b:met", "c:met");
  }

  @Test
  void all_oneSearch_runsOnTheCallersThread() {
    Thread caller = Thread.currentThread();

    List<Boolean> here =
        new SearchFanout(pool, 4, 16).all(List.of(() -> Thread.currentThread() == caller));

    assertThat(here).containsExactly(true);
  }

  @Test
  void all_moreSearchesThanItsWidth_usesWidthLanesTheCallersIncluded() {
    AtomicInteger lanesHandedOver = new AtomicInteger();
    SearchFanout fanout =
        new SearchFanout(
            task -> {
              lanesHandedOver.incrementAndGet();
              pool.execute(task);
            },
            2,
            16);
    Supplier<String> search = () -> "found";

    List<String> answers = fanout.all(List.of(search, search, search, search, search));

    assertThat(answers).hasSize(5).containsOnly("found");
    assertThat(lanesHandedOver).hasValue(1);
  }

  @Test
  void all_everyExtraLaneTaken_runsItsSearchesOnTheCallerOneAfterTheOther() {
    Thread caller = Thread.currentThread();
    AtomicInteger lanesHandedOver = new AtomicInteger();
    SearchFanout none =
        new SearchFanout(
            task -> {
              lanesHandedOver.incrementAndGet();
              pool.execute(task);
            },
            4,
            0);

    List<Boolean> here =
        none.all(
            List.of(
                () -> Thread.currentThread() == caller, () -> Thread.currentThread() == caller));

    assertThat(here).containsExactly(true, true);
    assertThat(lanesHandedOver).hasValue(0);
  }

  @Test
  void all_extraLane_isGivenBackForTheNextLookup() {
    AtomicInteger lanesHandedOver = new AtomicInteger();
    SearchFanout one =
        new SearchFanout(
            task -> {
              lanesHandedOver.incrementAndGet();
              task.run();
            },
            2,
            1);
    Supplier<String> search = () -> "found";

    one.all(List.of(search, search));
    one.all(List.of(search, search));

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

    List<Boolean> here =
        refused.all(
            List.of(
                () -> Thread.currentThread() == caller, () -> Thread.currentThread() == caller));

    assertThat(here).containsExactly(true, true);
  }

  @Test
  void all_searchOnAnotherThread_seesTheCallersScope() {
    try (CallScope scope = CallScope.open(Duration.ofSeconds(5), ReadBudget.of(1_000_000))) {
      List<Optional<CallScope>> seen =
          scope.call(
              () ->
                  new SearchFanout(pool, 2, 16)
                      .all(List.of(CallScope::current, CallScope::current)));

      assertThat(seen).containsExactly(Optional.of(scope), Optional.of(scope));
    }
  }

  @Test
  void all_searchThrowsOnAnotherThread_surfacesTheBugUnwrapped() {
    CountDownLatch started = new CountDownLatch(2);
    Supplier<String> fine = meeting(started, "fine");
    Supplier<String> bug =
        () -> {
          started.countDown();
          throw new IllegalStateException("bug in a reader");
        };

    assertThatThrownBy(() -> new SearchFanout(pool, 2, 16).all(List.of(fine, bug)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug in a reader");
  }

  /** A search that answers only once every search of the latch has started, or says it waited. */
  private static Supplier<String> meeting(CountDownLatch started, String name) {
    return () -> {
      started.countDown();
      try {
        return name + (started.await(5, TimeUnit.SECONDS) ? ":met" : ":alone");
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        return name + ":interrupted";
      }
    };
  }
}
