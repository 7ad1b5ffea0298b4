package dev.tracelookup.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs backend calls on an executor, at most {@code parallelism} at once, and waits for them until
 * a deadline. Calls not started by then are dropped; a call already running ends on its own,
 * bounded by the backend's own timeouts and aborted with its lookup's call scope when the lookup
 * ends, and whatever it records afterwards is simply not waited for.
 */
final class BoundedRun {
  private BoundedRun() {}

  /**
   * Runs the tasks and returns whether all of them ended before the deadline.
   *
   * @param deadlineNanos a {@link System#nanoTime()} value
   */
  static boolean all(List<Runnable> tasks, Executor executor, int parallelism, long deadlineNanos) {
    if (tasks.isEmpty()) {
      return true;
    }
    if (deadlineNanos - System.nanoTime() <= 0) {
      return false;
    }
    Queue<Runnable> pending = new ConcurrentLinkedQueue<>(tasks);
    int workers = Math.max(1, Math.min(parallelism, tasks.size()));
    List<CompletableFuture<Void>> running = new ArrayList<>(workers);
    for (int i = 0; i < workers; i++) {
      running.add(
          CompletableFuture.runAsync(
              () -> {
                for (Runnable task = pending.poll(); task != null; task = pending.poll()) {
                  task.run();
                }
              },
              executor));
    }
    try {
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException late) {
      pending.clear();
      return false;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      pending.clear();
      return false;
    } catch (ExecutionException bug) {
      throw new IllegalStateException("a backend call failed unexpectedly", bug.getCause());
    }
  }
}
