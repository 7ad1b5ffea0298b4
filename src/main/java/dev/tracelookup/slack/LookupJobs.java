package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the slow part of invocations after the ack, on a bounded executor: when it is full the
 * handler answers "busy" at once instead of queueing without limit.
 *
 * <p>Time in the queue counts against the agent's wait too. A job that waited longer than {@code
 * maxWait} before a thread was free answers "busy" instead of starting: with a queue of a hundred,
 * the last lookup would otherwise answer minutes after the command, when the agent has given up.
 */
final class LookupJobs {
  private final ExecutorService executor;
  private final long maxWaitNanos;
  private final Ticker ticker;

  LookupJobs(ExecutorService executor, Duration maxWait, Ticker ticker) {
    this.executor = executor;
    this.maxWaitNanos = maxWait.toNanos();
    this.ticker = ticker;
  }

  /** Returns false, without running it, when the executor is full or shutting down. */
  boolean trySubmit(Runnable job) {
    return trySubmit(job, job);
  }

  /**
   * Returns false, without running either, when the executor is full or shutting down; otherwise
   * runs {@code job}, or {@code tooLate} when the job waited past {@code maxWait} for a thread.
   */
  boolean trySubmit(Runnable job, Runnable tooLate) {
    long queued = ticker.read();
    try {
      executor.execute(() -> (ticker.read() - queued > maxWaitNanos ? tooLate : job).run());
      return true;
    } catch (RejectedExecutionException full) {
      return false;
    }
  }
}
