package dev.tracelookup.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time used by one server's threads, picked by name prefix. Unlike latency, it does not grow
 * when other processes crowd the cores, so it shows what each ack costs the machine.
 */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ThreadCpu() {}

  /**
   * Returns the CPU nanoseconds used so far by the live threads whose names start with the prefix.
   */
  static long used(String threadNamePrefix) {
    long total = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(threadNamePrefix)) {
        total += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
      }
    }
    return total;
  }
}
