package dev.tracelookup;

import java.time.Duration;
import java.util.Set;

/**
 * The threads the bot started after a baseline, by pool name ({@code lookup-}, {@code search-},
 * …): a drill checks they stay within the configured sizes and end at shutdown.
 */
final class BotThreads {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

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

  private static boolean inPools(Thread thread, String... pools) {
    for (String pool : pools) {
      if (thread.getName().startsWith(pool)) {
        return true;
      }
    }
    return false;
  }
}
