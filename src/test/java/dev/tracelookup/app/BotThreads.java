package dev.tracelookup.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads the bot started after a baseline, by pool name ({@code lookup-}, {@code search-}, …):
 * a drill checks they stay within the configured sizes and end at shutdown.
 */
final class BotThreads {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(20);

  private final Set<Thread> before;

  private BotThreads(Set<Thread> before) {
    this.before = before;
  }

  static BotThreads baseline() {
    return new BotThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
  }

  /** Returns how many live threads of the pool were started since the baseline. */
  long startedSince(String pool) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().startsWith(pool) && !before.contains(thread))
        .count();
  }

  /** Waits for the pools' new threads to end, then returns how many are still alive. */
  long stillAliveSince(String... pools) throws InterruptedException {
    long alive = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(thread) && inPools(thread, pools)) {
        thread.join(EXIT_WAIT.toMillis());
        alive += thread.isAlive() ? 1 : 0;
      }
    }
    return alive;
  }

  /**
   * Returns how many threads of the pool, started since the baseline, are working now: alive and
   * not parked in the pool's queue waiting for a task. Blocked on a socket or a stream counts as
   * working.
   */
  long busySince(String pool) {
    return Thread.getAllStackTraces().entrySet().stream()
        .filter(
            entry -> entry.getKey().getName().startsWith(pool) && !before.contains(entry.getKey()))
        .filter(entry -> Arrays.stream(entry.getValue()).noneMatch(BotThreads::waitsForTask))
        .count();
  }

  /** Waits until no thread of the pools is working, or the timeout; returns how many still are. */
  long awaitIdle(Duration timeout, String... pools) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long busy = busyIn(pools);
    while (busy > 0 && System.nanoTime() < deadline) {
      // Polls a condition with a deadline; nothing here waits for a fixed time to pass.
      LockSupport.parkNanos(POLL.toNanos());
      busy = busyIn(pools);
    }
    return busy;
  }

  private long busyIn(String... pools) {
    return Arrays.stream(pools).mapToLong(this::busySince).sum();
  }

  private static boolean waitsForTask(StackTraceElement frame) {
    return frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
        && frame.getMethodName().equals("getTask");
  }

  private static boolean inPools(Thread thread, String... pools) {
    for (String pool : pools) {
      if (thread.getName().startsWith(pool)) {
        return true;
      }
    }
    return false;
  }
}
