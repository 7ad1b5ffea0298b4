package dev.tracelookup.bench;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceAnalyzer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The heap a big trace costs: what the parsed trace keeps alive, and the most the heap held while
 * the bot read and analysed it. Each figure is the median of a few runs, each from a collected
 * heap, so one slow collection does not decide it.
 */
final class TraceHeap {
  private static final OtlpJsonReader READER = new OtlpJsonReader(Set.of("user.id", "enduser.id"));
  private static final List<Integer> SIZES = List.of(1_000, 10_000, 100_000);
  private static final int RUNS = 5;
  private static final double MB = 1024.0 * 1024.0;

  private static Object held;

  private TraceHeap() {}

  /** Measures every size and returns the table. */
  static String table() throws OtlpFormatException {
    StringBuilder table =
        new StringBuilder(
                String.format(
                    "Heap of one big trace (max heap %.0f MB; peak = heap pools' peak use during"
                        + " read+analyse, from a collected heap)%n",
                    Runtime.getRuntime().maxMemory() / MB))
            .append(
                String.format(
                    "%-7s %12s %10s %12s %10s%n", "spans", "retained", "B/span", "peak", "B/span"));
    for (int spans : SIZES) {
      byte[] document = OtlpTraceJson.of(spans);
      long retained = median(RUNS, () -> retained(document));
      long peak = median(RUNS, () -> peak(document));
      // G1 counts its young pools in whole regions: a peak within one region reads as zero.
      String peakText = peak == 0 ? "< 1 region" : String.format("%.1f MB", peak / MB);
      table.append(
          String.format(
              "%-7d %9.1f MB %10d %12s %10d%n",
              spans, retained / MB, retained / spans, peakText, peak / spans));
    }
    return table.toString();
  }

  /** Returns the used heap with the parsed trace held minus without it. */
  private static long retained(byte[] document) throws OtlpFormatException {
    long without = usedAfterGc();
    held = read(document);
    long with = usedAfterGc();
    held = null;
    return with - without;
  }

  /** Returns the heap pools' summed peak use during read and analysis, over the use before it. */
  private static long peak(byte[] document) throws OtlpFormatException {
    List<MemoryPoolMXBean> pools = heapPools();
    long before = usedAfterGc();
    pools.forEach(MemoryPoolMXBean::resetPeakUsage);
    TraceAnalysis analysis = TraceAnalyzer.analyze(read(document));
    long peak = pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    held = analysis;
    held = null;
    return peak - before;
  }

  private static Trace read(byte[] document) throws OtlpFormatException {
    return new Trace(OtlpTraceJson.TRACE_ID, READER.readAll(document));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .collect(Collectors.toList());
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long median(int runs, Measure measure) throws OtlpFormatException {
    long[] values = new long[runs];
    for (int run = 0; run < runs; run++) {
      values[run] = measure.bytes();
    }
    Arrays.sort(values);
    return values[runs / 2];
  }

  /** One measurement in bytes; reading may fail, which a plain supplier could not say. */
  private interface Measure {
    long bytes() throws OtlpFormatException;
  }
}
