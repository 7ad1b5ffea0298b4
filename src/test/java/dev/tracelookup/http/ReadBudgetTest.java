package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

final class ReadBudgetTest {
  private static final long FAR = TimeUnit.SECONDS.toNanos(30);

  /**
   * How long a read that must wait is watched to show it waits; long enough for a busy machine to
   * run it.
   */
  private static final Duration WAITING = Duration.ofMillis(300);

  private static final Duration GRANT = Duration.ofSeconds(10);

  /**
   * Amounts are in units of one charging step, so kept answers are large enough to stay charged.
   */
  private static final long UNIT = ReadBudget.SMALL;

  private final ReadBudget budget = ReadBudget.of(100 * UNIT);

  @Test
  void charge_withinCapacity_isGrantedAtOnce() throws Exception {
    ReadBudget.Read read = budget.holder().startRead();

    read.charge(60 * UNIT, deadline(), () -> false);
    read.charge(40 * UNIT, deadline(), () -> false);

    assertThat(budget.used()).isEqualTo(100 * UNIT);
  }

  @Test
  void charge_beyondWhatTheLookupCanEverHold_isRefusedTooLargeAtOnce() throws Exception {
    ReadBudget.Holder lookup = budget.holder();
    ReadBudget.Read first = lookup.startRead();
    first.charge(70 * UNIT, deadline(), () -> false);
    first.finish(true);
    ReadBudget.Read second = lookup.startRead();

    assertThatThrownBy(() -> second.charge(40 * UNIT, deadline(), () -> false))
        .isInstanceOfSatisfying(
            ReadBudget.Refused.class, refused -> assertThat(refused.tooLarge()).isTrue());
    assertThat(lookup.held()).isEqualTo(70 * UNIT);
  }

  @Test
  void charge_youngerReadWithoutRoom_givesWayAtOnceAndFreesItsBytes() throws Exception {
    ReadBudget.Read older = budget.holder().startRead();
    older.charge(60 * UNIT, deadline(), () -> false);
    ReadBudget.Read younger = budget.holder().startRead();
    younger.charge(30 * UNIT, deadline(), () -> false);

    assertThatThrownBy(() -> younger.charge(20 * UNIT, deadline(), () -> false))
        .isInstanceOfSatisfying(
            ReadBudget.Refused.class, refused -> assertThat(refused.busy()).isTrue());
    younger.finish(false);

    assertThat(budget.used()).isEqualTo(60 * UNIT);
  }

  @Test
  void charge_oldestReadWithoutRoom_waitsUntilAYoungerOneGivesWay() throws Exception {
    ReadBudget.Read oldest = budget.holder().startRead();
    oldest.charge(50 * UNIT, deadline(), () -> false);
    ReadBudget.Read younger = budget.holder().startRead();
    younger.charge(40 * UNIT, deadline(), () -> false);

    CompletableFuture<Void> waiting = charging(oldest, 20 * UNIT);
    assertStillWaiting(waiting);
    assertThatThrownBy(() -> younger.charge(10 * UNIT, deadline(), () -> false))
        .isInstanceOf(ReadBudget.Refused.class);
    younger.finish(false);

    waiting.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(budget.used()).isEqualTo(70 * UNIT);
  }

  @Test
  void charge_onceTheOldestHadToWait_theOthersGiveWayAndNewcomersWaitUntilItIsDone()
      throws Exception {
    ReadBudget.Read oldest = budget.holder().startRead();
    oldest.charge(50 * UNIT, deadline(), () -> false);
    ReadBudget.Read younger = budget.holder().startRead();
    younger.charge(40 * UNIT, deadline(), () -> false);
    CompletableFuture<Void> oldestWaiting = charging(oldest, 20 * UNIT);
    assertStillWaiting(oldestWaiting);
    // There would be room for a little more, but sharing it would let both crawl.
    assertThatThrownBy(() -> younger.charge(1 * UNIT, deadline(), () -> false))
        .isInstanceOf(ReadBudget.Refused.class);
    younger.finish(false);
    oldestWaiting.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);

    CompletableFuture<Void> newcomer = charging(budget.holder().startRead(), 1 * UNIT);
    assertStillWaiting(newcomer);
    oldest.finish(false);

    newcomer.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(budget.used()).isEqualTo(1 * UNIT);
  }

  @Test
  void charge_freshLookupWithoutRoom_waitsItsTurnUntilAnotherLookupEnds() throws Exception {
    ReadBudget.Holder done = budget.holder();
    ReadBudget.Read read = done.startRead();
    read.charge(90 * UNIT, deadline(), () -> false);
    read.finish(true);
    ReadBudget.Read fresh = budget.holder().startRead();

    CompletableFuture<Void> waiting = charging(fresh, 20 * UNIT);
    assertStillWaiting(waiting);
    done.release();

    waiting.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(budget.used()).isEqualTo(20 * UNIT);
  }

  @Test
  void charge_roomAnOlderWaiterNeeds_isNotTakenByAYoungerRead() throws Exception {
    ReadBudget.Holder other = budget.holder();
    ReadBudget.Read pinned = other.startRead();
    pinned.charge(30 * UNIT, deadline(), () -> false);
    pinned.finish(true);
    ReadBudget.Holder oldestLookup = budget.holder();
    ReadBudget.Read oldest = oldestLookup.startRead();
    oldest.charge(50 * UNIT, deadline(), () -> false);
    CompletableFuture<Void> olderWaiting = charging(oldest, 40 * UNIT);
    assertStillWaiting(olderWaiting);

    // 80 used + 15 fits in 100, but not beside the 40 the older read waits for.
    CompletableFuture<Void> youngerWaiting = charging(budget.holder().startRead(), 15 * UNIT);
    assertStillWaiting(youngerWaiting);
    other.release();

    olderWaiting.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);
    assertStillWaiting(youngerWaiting);
    assertThat(budget.used()).isEqualTo(90 * UNIT);
    oldestLookup.release();
    youngerWaiting.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Test
  void charge_newcomerOfALookupKeepingAnAnswer_givesWayRatherThanWait() throws Exception {
    ReadBudget.Holder lookup = budget.holder();
    ReadBudget.Read kept = lookup.startRead();
    kept.charge(30 * UNIT, deadline(), () -> false);
    kept.finish(true);
    budget.holder().startRead().charge(70 * UNIT, deadline(), () -> false);

    assertThatThrownBy(() -> lookup.startRead().charge(1 * UNIT, deadline(), () -> false))
        .isInstanceOfSatisfying(
            ReadBudget.Refused.class, refused -> assertThat(refused.busy()).isTrue());
  }

  @Test
  void finish_smallAnswerKept_isFreedAndItsLookupMayStillWaitItsTurn() throws Exception {
    ReadBudget.Holder lookup = budget.holder();
    ReadBudget.Read search = lookup.startRead();
    search.charge(ReadBudget.SMALL, deadline(), () -> false);
    search.finish(true);
    ReadBudget.Holder other = budget.holder();
    other.startRead().charge(100 * UNIT, deadline(), () -> false);

    CompletableFuture<Void> waiting = charging(lookup.startRead(), 1 * UNIT);
    assertStillWaiting(waiting);
    other.release();

    waiting.get(GRANT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(lookup.held()).isEqualTo(1 * UNIT);
  }

  @Test
  void charge_waitPastTheDeadline_isRefusedBusy() {
    ReadBudget.Read holding = budget.holder().startRead();
    assertThatThrownBy(
            () -> {
              holding.charge(100 * UNIT, deadline(), () -> false);
              budget
                  .holder()
                  .startRead()
                  .charge(
                      1 * UNIT, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), () -> false);
            })
        .isInstanceOfSatisfying(
            ReadBudget.Refused.class, refused -> assertThat(refused.busy()).isTrue());
  }

  @Test
  void release_whileAReadGoesOn_freesItsBytesAndRefusesTheRest() throws Exception {
    ReadBudget.Holder lookup = budget.holder();
    ReadBudget.Read read = lookup.startRead();
    read.charge(60 * UNIT, deadline(), () -> false);

    lookup.release();

    assertThat(budget.used()).isZero();
    assertThatThrownBy(() -> read.charge(1 * UNIT, deadline(), () -> false))
        .isInstanceOf(ReadBudget.Refused.class);
    read.finish(true);
    assertThat(budget.used()).isZero();
  }

  private static long deadline() {
    return System.nanoTime() + FAR;
  }

  private static CompletableFuture<Void> charging(ReadBudget.Read read, long bytes) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            read.charge(bytes, deadline(), () -> false);
          } catch (ReadBudget.Refused refused) {
            throw new IllegalStateException(refused);
          }
        });
  }

  private static void assertStillWaiting(CompletableFuture<Void> waiting) throws Exception {
    try {
      waiting.get(WAITING.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("the read was granted, but it should wait");
    } catch (TimeoutException stillWaiting) {
      assertThat(waiting).isNotDone();
    } catch (ExecutionException refused) {
      throw new AssertionError("the read was refused, but it should wait", refused.getCause());
    }
  }
}
