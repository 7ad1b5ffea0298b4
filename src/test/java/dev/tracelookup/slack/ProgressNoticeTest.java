package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.lookup.LookupProgress;
import dev.tracelookup.testing.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The one progress message of a lookup: at most once, and never after the final answer. */
final class ProgressNoticeTest {
  private static final Duration AFTER = Duration.ofSeconds(3);

  private final ManualScheduler timer = new ManualScheduler();
  private final List<String> sent = Collections.synchronizedList(new ArrayList<>());

  @Test
  void check_lookupStillRunningAfterThreeSeconds_postsItsProgressOnce() {
    ProgressNotice notice =
        ProgressNotice.schedule(
            timer, AFTER, LookupProgress.Tracker.of("Tempo"), p -> sent.add(p.text()));

    timer.advance(Duration.ofMillis(2_999));
    assertThat(sent).isEmpty();
    timer.advance(Duration.ofMillis(1));
    timer.advance(Duration.ofMinutes(5));

    assertThat(sent).containsExactly("Still waiting for Tempo to answer the search…");
    assertThat(notice.finish()).as("the answer then replaces it").isTrue();
  }

  @Test
  void finish_beforeTheCheck_callsTheCheckOffAndPostsNothing() {
    ProgressNotice notice =
        ProgressNotice.schedule(
            timer, AFTER, LookupProgress.Tracker.of("Tempo"), p -> sent.add(p.text()));

    assertThat(notice.finish()).isFalse();
    timer.advance(AFTER);

    assertThat(sent).isEmpty();
    assertThat(timer.pendingDelays()).isEmpty();
  }

  @Test
  void finish_whileTheProgressIsBeingPosted_waitsForItSoTheAnswerLandsLast() throws Exception {
    CountDownLatch posting = new CountDownLatch(1);
    CountDownLatch slackAnswers = new CountDownLatch(1);
    ProgressNotice notice =
        ProgressNotice.schedule(
            timer,
            AFTER,
            LookupProgress.Tracker.of("Tempo"),
            p -> {
              posting.countDown();
              await(slackAnswers);
              sent.add("progress");
            });
    Thread check = new Thread(() -> timer.advance(AFTER));
    check.start();
    assertThat(posting.await(10, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean shown = new AtomicBoolean();
    Thread answer =
        new Thread(
            () -> {
              shown.set(notice.finish());
              sent.add("answer");
            });

    answer.start();
    awaitBlocked(answer);
    slackAnswers.countDown();
    answer.join(10_000);
    check.join(10_000);

    assertThat(sent).containsExactly("progress", "answer");
    assertThat(shown).isTrue();
  }

  /** Waits until the thread waits for the lock the progress post holds. */
  private static void awaitBlocked(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(thread.getState()).isEqualTo(Thread.State.BLOCKED);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
