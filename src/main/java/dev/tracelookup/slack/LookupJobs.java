package dev.tracelookup.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the slow part of invocations after the ack, on a bounded executor: when it is full the
 * handler answers "busy" at once instead of queueing without limit.
 */
final class LookupJobs {
  private final ExecutorService executor;

  LookupJobs(ExecutorService executor) {
    this.executor = executor;
  }

  /** Returns false, without running it, when the executor is full or shutting down. */
  boolean trySubmit(Runnable job) {
    try {
      executor.execute(job);
      return true;
    } catch (RejectedExecutionException full) {
      return false;
    }
  }
}
