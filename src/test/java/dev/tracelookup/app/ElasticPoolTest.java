package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ElasticPoolTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private ElasticPool pool;

  @AfterEach
  void stop() throws InterruptedException {
    release.countDown();
    if (pool != null) {
      pool.shutdown();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private Runnable waiting(CountDownLatch started) {
    return () -> {
      started.countDown();
      try {
        release.await();
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
      }
    };
  }

  @Test
  void tasksThatWait_eachGetAThreadAtOnceUpToTheMaximum_ratherThanQueueBehindBusyOnes()
      throws Exception {
    pool =
        ElasticPool.of(
            50, 10, Executors.defaultThreadFactory(), new ThreadPoolExecutor.AbortPolicy());
    CountDownLatch started = new CountDownLatch(50);

    for (int i = 0; i < 50; i++) {
      pool.execute(waiting(started));
    }

    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.getPoolSize()).isEqualTo(50);
    assertThat(pool.getQueue()).isEmpty();
  }

  @Test
  void tasksOneAfterAnother_reuseTheIdleThread_ratherThanStartOneEach() throws Exception {
    pool =
        ElasticPool.of(
            50, 10, Executors.defaultThreadFactory(), new ThreadPoolExecutor.AbortPolicy());

    for (int i = 0; i < 20; i++) {
      CountDownLatch done = new CountDownLatch(1);
      pool.execute(done::countDown);
      assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
      // afterExecute runs after the task: wait until the thread counts as idle again.
      while (pool.submitted() > 0) {
        Thread.onSpinWait();
      }
    }

    assertThat(pool.getPoolSize()).isEqualTo(1);
  }

  @Test
  void pastTheMaximum_tasksQueueUpToTheBoundThenAreRefused() throws Exception {
    pool =
        ElasticPool.of(
            2, 3, Executors.defaultThreadFactory(), new ThreadPoolExecutor.AbortPolicy());
    CountDownLatch started = new CountDownLatch(2);
    pool.execute(waiting(started));
    pool.execute(waiting(started));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    for (int i = 0; i < 3; i++) {
      pool.execute(() -> {});
    }

    assertThat(pool.getQueue()).hasSize(3);
    assertThatThrownBy(() -> pool.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
    assertThat(pool.submitted()).isEqualTo(5);
  }

  @Test
  void aRefusalRunHere_isNotCountedAsWaitingForAThread() throws Exception {
    pool =
        ElasticPool.of(
            1, 1, Executors.defaultThreadFactory(), new ThreadPoolExecutor.CallerRunsPolicy());
    CountDownLatch started = new CountDownLatch(1);
    pool.execute(waiting(started));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    pool.execute(() -> {});
    boolean[] ranHere = new boolean[1];

    pool.execute(() -> ranHere[0] = true);

    assertThat(ranHere[0]).isTrue();
    assertThat(pool.submitted()).isEqualTo(2);
  }
}
