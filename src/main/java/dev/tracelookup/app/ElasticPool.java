package dev.tracelookup.app;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionHandler;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool that reuses an idle thread when there is one, starts a new one up to its maximum when
 * there is none, and only then queues, up to a bound.
 *
 * <p>A plain {@link ThreadPoolExecutor} does neither of the two things lookups need. With a queue,
 * it starts threads beyond its core size only once the queue is full, so waiting lookups queue
 * behind a few busy threads; with a core size as large as the maximum, it starts a new thread for
 * every task until it has them all, idle ones included, so a bot sized for 2,000 waiting lookups
 * held 2,000 threads (and their stacks) after a few seconds of load. This is Tomcat's answer to the
 * same problem: the queue refuses a task while no thread is idle and the pool may still grow.
 */
final class ElasticPool extends ThreadPoolExecutor {
  private final AtomicInteger submitted = new AtomicInteger();

  private ElasticPool(
      int threads,
      Backlog backlog,
      ThreadFactory threadFactory,
      RejectedExecutionHandler whenFull) {
    super(0, threads, 30, TimeUnit.SECONDS, backlog, threadFactory, whenFull);
  }

  /**
   * Returns a pool of at most {@code threads} threads, each ending after 30 s idle, queueing up to
   * {@code queued} tasks once every thread is busy; past that, {@code whenFull} decides.
   */
  static ElasticPool of(
      int threads, int queued, ThreadFactory threadFactory, RejectedExecutionHandler whenFull) {
    Backlog backlog = new Backlog(Math.max(1, queued));
    ElasticPool pool =
        new ElasticPool(
            threads,
            backlog,
            threadFactory,
            (task, executor) -> {
              // Refused or run here: either way no longer counted as waiting for a thread.
              ((ElasticPool) executor).submitted.decrementAndGet();
              whenFull.rejectedExecution(task, executor);
            });
    backlog.pool = pool;
    return pool;
  }

  @Override
  public void execute(Runnable task) {
    submitted.incrementAndGet();
    super.execute(task);
  }

  @Override
  protected void afterExecute(Runnable task, Throwable thrown) {
    submitted.decrementAndGet();
  }

  /** Returns tasks handed over and not finished: running, queued, or about to start. */
  int submitted() {
    return submitted.get();
  }

  /** Accepts a task only when a thread is idle to take it, or when the pool cannot grow. */
  private static final class Backlog extends LinkedBlockingQueue<Runnable> {
    private ElasticPool pool;

    Backlog(int capacity) {
      super(capacity);
    }

    @Override
    public boolean offer(Runnable task) {
      if (pool.submitted() <= pool.getPoolSize()) {
        return super.offer(task);
      }
      if (pool.getPoolSize() < pool.getMaximumPoolSize()) {
        return false;
      }
      return super.offer(task);
    }
  }
}
