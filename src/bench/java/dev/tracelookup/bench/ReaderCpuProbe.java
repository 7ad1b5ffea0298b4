package dev.tracelookup.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Set;

/**
 * The reader against the bare Jackson token pass in thread CPU time, each run right after the other
 * over the same bytes, so a busy machine slows both alike and their ratio stays meaningful where
 * wall-clock JMH figures drift. Run it on the bench classpath with no arguments.
 */
public final class ReaderCpuProbe {
  private static final JsonFactory JSON = new JsonFactory();
  private static final OtlpJsonReader READER = new OtlpJsonReader(Set.of("user.id", "enduser.id"));
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  // Enough spans per size for the JIT to settle and for the medians to hold still.
  private static final long SPANS_PER_PHASE = 1_500_000;

  private static long sink;

  private ReaderCpuProbe() {}

  public static void main(String[] args) throws IOException {
    System.out.printf(
        "%-7s %12s %12s %8s %12s%n", "spans", "tokens CPU", "read CPU", "ratio", "read B/span");
    for (int spans : new int[] {1_000, 10_000, 100_000}) {
      byte[] document = OtlpTraceJson.of(spans);
      int rounds = (int) Math.max(5, SPANS_PER_PHASE / spans);
      measure(document, rounds);
      long[][] figures = measure(document, rounds);
      System.out.printf(
          "%-7d %10.1f µs %10.1f µs %7.2f× %12.0f%n",
          spans,
          median(figures[0]) / 1e3,
          median(figures[1]) / 1e3,
          median(figures[1]) / median(figures[0]),
          median(figures[2]) / spans);
    }
    System.out.println(sink == 42 ? "" : " ");
  }

  /** Returns per round: tokens CPU ns, read CPU ns, read allocated bytes. */
  private static long[][] measure(byte[] document, int rounds) throws IOException {
    long[][] figures = new long[3][rounds];
    for (int round = 0; round < rounds; round++) {
      long start = THREADS.getCurrentThreadCpuTime();
      sink += tokens(document);
      long middle = THREADS.getCurrentThreadCpuTime();
      long allocatedBefore = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
      sink += READER.readAll(document).size();
      figures[2][round] =
          THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - allocatedBefore;
      figures[0][round] = middle - start;
      figures[1][round] = THREADS.getCurrentThreadCpuTime() - middle;
    }
    return figures;
  }

  private static int tokens(byte[] document) throws IOException {
    int tokens = 0;
    try (JsonParser parser = JSON.createParser(document)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens++;
      }
    }
    return tokens;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
