package dev.tracelookup.app;

import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bot's HTTP face ({@code /healthz}, {@code /api/lookup}), started by {@link Bot} as {@code
 * Main serve} starts it but without Slack, configured from the environment: run by {@link
 * SmallHeapDrillTest} in a JVM of its own with a small heap. Prints {@code listening <uri>} once it
 * serves; when its standard input closes, prints the highest heap use it sampled and the old
 * generation's peak, and stops.
 */
final class SmallHeapBot {
  private SmallHeapBot() {}

  public static void main(String[] args) throws Exception {
    Bot bot =
        Bot.start(
            ConfigLoader.load(System.getenv()),
            Clock.systemUTC(),
            Telemetry.noop(),
            Bot.SlackFace.NONE);
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> sample(peak), "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    System.out.println("listening " + bot.uri());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Runs until the test closes our standard input.
    }
    long oldGen =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old"))
            .mapToLong(SmallHeapBot::peak)
            .sum();
    System.out.println(
        "peak-heap-mib "
            + (peak.get() >> 20)
            + " peak-old-gen-mib "
            + (oldGen >> 20)
            + " max-heap-mib "
            + (Runtime.getRuntime().maxMemory() >> 20));
    System.out.flush();
    bot.close();
  }

  /**
   * Samples the heap in use, garbage included, every few milliseconds: the figure an OOM would
   * cross.
   */
  private static void sample(AtomicLong peak) {
    while (true) {
      peak.accumulateAndGet(
          ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static long peak(MemoryPoolMXBean pool) {
    return pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
  }
}
