package dev.tracelookup.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** Lays the JMH results out as the tables BENCHMARKS.md records, each figure beside its target. */
final class Report {
  private static final List<String> SIZES = List.of("1000", "10000", "100000");
  private static final List<String> STEPS =
      List.of(
          "jacksonTokens",
          "jacksonText",
          "read",
          "touchSpans",
          "analyze",
          "render",
          "readAnalyzeRender");
  private static final double MAX_READ_RATIO = 2.0;
  // Per-span cost may grow this much from 1k to 100k spans (caches, GC) and still count as linear.
  private static final double MAX_GROWTH = 1.5;
  private static final double MAX_HIT_NANOS = 2_000_000;

  private final Map<String, RunResult> byName = new HashMap<>();

  Report(Collection<RunResult> results) {
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String spans = result.getParams().getParam("spans");
      byName.put(spans == null ? method : method + "@" + spans, result);
    }
  }

  String bigTraces() {
    StringBuilder table =
        new StringBuilder(
                "Big traces: one OTLP JSON trace read, analysed and rendered"
                    + " vs a bare Jackson token pass over the same bytes\n")
            .append(
                String.format(
                    "%-7s %-18s %10s %10s %10s %9s %9s %8s  %s%n",
                    "spans",
                    "step",
                    "p50",
                    "p90",
                    "p99",
                    "ns/span",
                    "×Jackson",
                    "B/span",
                    "target"));
    for (String spans : SIZES) {
      double floor = stats("jacksonTokens@" + spans).getPercentile(50);
      for (String step : STEPS) {
        Statistics stats = stats(step + "@" + spans);
        double ratio = stats.getPercentile(50) / floor;
        int count = Integer.parseInt(spans);
        table.append(
            String.format(
                "%-7s %-18s %10s %10s %10s %9.1f %8.2f× %8.0f  %s%n",
                spans,
                step,
                time(stats.getPercentile(50)),
                time(stats.getPercentile(90)),
                time(stats.getPercentile(99)),
                stats.getPercentile(50) / count,
                ratio,
                allocated(step + "@" + spans) / count,
                readTarget(step, ratio)));
      }
    }
    return table.append(growth()).toString();
  }

  String lookups(Stampede.Result stampede) {
    Statistics hit = stats("cachedLookup");
    Statistics cold = stats("lookupColdCache");
    Statistics bare = stats("backendCallsAlone");
    double overhead = cold.getPercentile(50) - bare.getPercentile(50);
    return new StringBuilder(
            "Lookups (in-process fake backend: search 20 ms,"
                + " 10 traces of 50 spans fetched 10 ms each, 4 at a time)\n")
        .append(String.format("%-20s %10s %10s %10s  %s%n", "case", "p50", "p90", "p99", "target"))
        .append(
            row("cachedLookup", hit, verdict(hit.getPercentile(99) < MAX_HIT_NANOS, "p99 < 2 ms")))
        .append(row("lookupColdCache", cold, ""))
        .append(
            row("lookupRefresh", stats("lookupRefresh"), "(traces already fetched stay cached)"))
        .append(row("backendCallsAlone", bare, ""))
        .append(
            String.format(
                "overhead of a cold lookup over the bare backend calls: %s at p50 (%.1f%%)%n",
                time(overhead), 100 * overhead / bare.getPercentile(50)))
        .append(
            String.format(
                "stampede: %d concurrent identical lookups made %d backend search(es), %d answered,"
                    + " in %d ms  %s%n",
                Stampede.AGENTS,
                stampede.backendSearches(),
                stampede.answered(),
                stampede.wallMillis(),
                verdict(
                    stampede.backendSearches() == 1 && stampede.answered() == Stampede.AGENTS,
                    "exactly 1 search")))
        .toString();
  }

  private String growth() {
    StringBuilder line =
        new StringBuilder("growth, ns/span at 100000 ÷ at 1000 (≤ " + MAX_GROWTH + " is linear):");
    for (String step : List.of("jacksonTokens", "read", "analyze", "readAnalyzeRender")) {
      double growth = growth(step);
      line.append(
          String.format(" %s %.2f %s;", step, growth, growth <= MAX_GROWTH ? "ok" : "MISSED"));
    }
    // Loading each span once grows too, past the CPU caches: what analysis adds per span from 1k
    // to 100k is set against what that floor adds, and its cost against the read it follows.
    double floorAdded = perSpan("touchSpans", "100000") - perSpan("touchSpans", "1000");
    double analysisAdded = perSpan("analyze", "100000") - perSpan("analyze", "1000");
    double ofRead =
        stats("analyze@100000").getPercentile(50) / stats("jacksonTokens@100000").getPercentile(50);
    return line.append(
            String.format(
                "%nper span from 1k to 100k: loading each span once grows %.1f× (+%.0f ns),"
                    + " analysis +%.0f ns (%.1f loads of a span's worth); analysis of 100k spans"
                    + " takes %.2f× a bare token pass over its document  %s%n",
                growth("touchSpans"),
                floorAdded,
                analysisAdded,
                analysisAdded / floorAdded,
                ofRead,
                verdict(ofRead <= 1.0, "≤ 1× (re-stated, issue 16)")))
        .toString();
  }

  private double perSpan(String step, String spans) {
    return stats(step + "@" + spans).getPercentile(50) / Integer.parseInt(spans);
  }

  private double growth(String step) {
    return stats(step + "@100000").getPercentile(50)
        / stats(step + "@1000").getPercentile(50)
        / 100;
  }

  private static String readTarget(String step, double ratio) {
    return step.equals("read") ? verdict(ratio <= MAX_READ_RATIO, "≤ 2× Jackson") : "";
  }

  private static String row(String name, Statistics stats, String target) {
    return String.format(
        "%-20s %10s %10s %10s  %s%n",
        name,
        time(stats.getPercentile(50)),
        time(stats.getPercentile(90)),
        time(stats.getPercentile(99)),
        target);
  }

  static String verdict(boolean met, String target) {
    return target + (met ? ": ok" : ": MISSED");
  }

  private Statistics stats(String name) {
    return result(name).getPrimaryResult().getStatistics();
  }

  /** Bytes allocated per operation, from the GC profiler; NaN when it could not tell. */
  private double allocated(String name) {
    Map<String, Result> secondary = result(name).getSecondaryResults();
    return secondary.entrySet().stream()
        .filter(entry -> entry.getKey().endsWith("gc.alloc.rate.norm"))
        .mapToDouble(entry -> entry.getValue().getScore())
        .findFirst()
        .orElse(Double.NaN);
  }

  private RunResult result(String name) {
    RunResult result = byName.get(name);
    if (result == null) {
      throw new IllegalStateException("no result for " + name);
    }
    return result;
  }

  static String time(double nanos) {
    if (Math.abs(nanos) >= 1_000_000) {
      return String.format("%.2f ms", nanos / 1_000_000);
    }
    return String.format("%.1f µs", nanos / 1_000);
  }
}
