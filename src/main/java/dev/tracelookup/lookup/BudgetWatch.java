package dev.tracelookup.lookup;

import dev.tracelookup.http.CallScope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs a lookup on the thread that asked for it and, when the budget is spent, aborts its call
 * scope and interrupts that thread.
 *
 * <p>The caller waits for the lookup anyway, so handing the work to a second thread only doubled
 * the threads a waiting lookup holds (and their stacks, the bulk of the bot's memory under load).
 * Backend calls already end with their scope; the interrupt is for work that only an interrupt
 * ends, such as a backend that blocks without a timeout. It is delivered only while the work runs,
 * and cleared after it, so it never reaches whatever the thread does next.
 */
final class BudgetWatch {
  private final Thread runner = Thread.currentThread();
  private final Object lock = new Object();
  private boolean running = true;
  private boolean expired;

  private BudgetWatch() {}

  /** What the work returned, and whether the budget ran out while it ran. */
  record Ran<T>(T value, boolean expired) {}

  static <T> Ran<T> run(Duration budget, CallScope scope, Supplier<T> work) {
    BudgetWatch watch = new BudgetWatch();
    CompletableFuture<Void> alarm = new CompletableFuture<>();
    // completeOnTimeout's timer is cancelled when the alarm is, so a lookup that ends in time
    // leaves nothing queued behind it.
    alarm.completeOnTimeout(null, budget.toNanos(), TimeUnit.NANOSECONDS);
    alarm.thenRun(() -> watch.expire(scope));
    T value;
    boolean expired;
    try {
      value = work.get();
    } finally {
      alarm.cancel(false);
      expired = watch.finish();
    }
    return new Ran<>(value, expired);
  }

  private void expire(CallScope scope) {
    scope.abort();
    synchronized (lock) {
      expired = true;
      if (running) {
        runner.interrupt();
      }
    }
  }

  private boolean finish() {
    synchronized (lock) {
      running = false;
      if (expired) {
        // Ours, not a shutdown's: a shutdown interrupts again when it is not heeded.
        Thread.interrupted();
      }
      return expired;
    }
  }
}
