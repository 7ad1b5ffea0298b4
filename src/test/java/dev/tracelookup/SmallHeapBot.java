package dev.tracelookup;

import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.server.BotServer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The bot's HTTP face ({@code /healthz}, {@code /api/lookup}), wired as {@code Main serve} wires
 * it, configured from the environment: run by {@link SmallHeapDrillTest} in a JVM of its own with a
 * small heap. Prints {@code listening <uri>} once it serves; when its standard input closes, prints
 * the highest heap use it sampled and the old generation's peak, and stops.
 */
final class SmallHeapBot {
  private SmallHeapBot() {}

  public static void main(String[] args) throws Exception {
    Config config = ConfigLoader.load(System.getenv());
    Wiring wiring = new Wiring(config, Clock.systemUTC());
    BotServer server = BotServer.create(config, Optional.empty(), wiring.lookup, wiring.cache, wiring.audit,
        wiring.clock);
    server.start();
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> sample(peak), "heap-sampler");
    sampler.setDaemon(true);
    sampler.start();
    System.out.println("listening " + server.uri());
    System.out.flush();
    while (System.in.read() >= 0) {
      // Runs until the test closes our standard input.
    }
    long oldGen = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old"))
        .mapToLong(SmallHeapBot::peak).sum();
    System.out.println("peak-heap-mib " + (peak.get() >> 20) + " peak-old-gen-mib " + (oldGen >> 20)
        + " max-heap-mib " + (Runtime.getRuntime().maxMemory() >> 20));
    System.out.flush();
    server.stop();
    wiring.drain();
  }

  /** Samples the heap in use, garbage included, every few milliseconds: the figure an OOM would cross. */
  private static void sample(AtomicLong peak) {
    while (true) {
      peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
  }

  private static long peak(MemoryPoolMXBean pool) {
    return pool.getPeakUsage() == null ? 0 : pool.getPeakUsage().getUsed();
  }
}
