package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class LookupJobsTest {
  private final AtomicLong nanos = new AtomicLong();
  private final ExecutorService oneThread =
      new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1));
  private final LookupJobs jobs = new LookupJobs(oneThread, Duration.ofSeconds(10), nanos::get);
  private final List<String> ran = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    oneThread.shutdownNow();
  }

  /** Occupies the only thread until the returned latch opens. */
  private CountDownLatch occupy() {
    CountDownLatch release = new CountDownLatch(1);
    jobs.trySubmit(
        () -> {
          try {
            release.await();
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
        });
    return release;
  }

  @Test
  void trySubmit_queuedLongerThanMaxWait_answersTooLateInsteadOfRunning() throws Exception {
    CountDownLatch release = occupy();
    jobs.trySubmit(() -> ran.add("job"), () -> ran.add("too late"));

    nanos.addAndGet(Duration.ofSeconds(11).toNanos());
    release.countDown();
    oneThread.shutdown();
    oneThread.awaitTermination(5, TimeUnit.SECONDS);

    assertThat(ran).containsExactly("too late");
  }

  @Test
  void trySubmit_startedWithinMaxWait_runsTheJob() throws Exception {
    CountDownLatch release = occupy();
    jobs.trySubmit(() -> ran.add("job"), () -> ran.add("too late"));

    nanos.addAndGet(Duration.ofSeconds(9).toNanos());
    release.countDown();
    oneThread.shutdown();
    oneThread.awaitTermination(5, TimeUnit.SECONDS);

    assertThat(ran).containsExactly("job");
  }

  @Test
  void trySubmit_executorFull_refusesWithoutRunningEither() {
    occupy();
    jobs.trySubmit(() -> ran.add("queued"), () -> ran.add("queued too late"));

    boolean taken = jobs.trySubmit(() -> ran.add("job"), () -> ran.add("too late"));

    assertThat(taken).isFalse();
    assertThat(ran).isEmpty();
  }
}
