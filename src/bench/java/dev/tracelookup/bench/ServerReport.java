package dev.tracelookup.bench;

import dev.tracelookup.backend.zipkin.ZipkinTimings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out the figures measured outside JMH (server, real Zipkin, replay, startup) beside their
 * targets.
 */
final class ServerReport {
  private static final long MAX_P99_NANOS = Duration.ofMillis(50).toNanos();
  private static final long MAX_ACK_NANOS = Duration.ofSeconds(1).toNanos();
  private static final double MAX_BARE_RATIO = 3.0;
  private static final String ROW = "%-22s %-14s %10s %10s %10s  %s%n";

  private ServerReport() {}

  static String acks(AckLoad.Result result) {
    return new StringBuilder(
            String.format(
                "Ack latency under load: the bot (/slack/events: Jetty, Bolt, the real handlers;"
                    + " every lookup %d s at a Zipkin fake) vs bare Jetty checking the signature"
                    + " only; interleaved, then each alone%n",
                2 * AckLoad.SEARCH_LATENCY.toSeconds()))
        .append(String.format(ROW, "load", "endpoint", "p50", "p99", "max", "target"))
        .append(
            load(
                String.format("%d/s each, %d s", AckLoad.RATE, AckLoad.STEADY.toSeconds()),
                result.botSteady(),
                result.bareSteady(),
                true))
        .append(
            load(
                String.format("%d/s alone, %d s", AckLoad.RATE, AckLoad.STEADY.toSeconds()),
                result.botAlone(),
                result.bareAlone(),
                true))
        .append(
            load(
                String.format("%d bursts of %d", AckLoad.BURSTS, AckLoad.BURST),
                result.botBurst(),
                result.bareBurst(),
                false))
        .append(
            String.format(
                "CPU per ack in each server's HTTP threads at %d/s: bot %s, bare %s (%.1f×)%n",
                AckLoad.RATE,
                time(result.cpu().bot()),
                time(result.cpu().bare()),
                (double) result.cpu().bot() / result.cpu().bare()))
        .append(delivery(result.delivery()))
        .append(
            "note: generator, bot, bare endpoint and fakes share the same cores and loopback;"
                + " latency is timed from each request's planned send time, so a stalled generator"
                + " or server counts against both endpoints.\n")
        .toString();
  }

  private static String load(String name, Latencies bot, Latencies bare, boolean steady) {
    String botTarget =
        (steady ? verdict(bot.p99() < MAX_P99_NANOS, "p99 < 50 ms") + "; " : "")
            + verdict(bot.max() < MAX_ACK_NANOS, "max < 1 s");
    double p50 = (double) bot.p50() / bare.p50();
    double p99 = (double) bot.p99() / bare.p99();
    return String.format(
            ROW,
            name,
            "/slack/events",
            time(bot.p50()),
            time(bot.p99()),
            time(bot.max()),
            botTarget)
        + String.format(ROW, "", "bare", time(bare.p50()), time(bare.p99()), time(bare.max()), "")
        + String.format(
            ROW,
            "",
            "ratio",
            String.format("%.2f×", p50),
            String.format("%.2f×", p99),
            String.format("%.2f×", (double) bot.max() / bare.max()),
            verdict(p50 <= MAX_BARE_RATIO && p99 <= MAX_BARE_RATIO, "p50, p99 ≤ 3× bare"));
  }

  private static String delivery(AckLoad.Delivery delivery) {
    boolean everyOne = delivery.failed() == 0 && delivery.answered() == delivery.searching();
    return String.format(
        "commands to the bot: %d; acked \"looking up\" %d, of which %d got their final answer at"
            + " response_url; acked \"busy\" %d; refused or lost %d  %s%n",
        delivery.commands(),
        delivery.searching(),
        delivery.answered(),
        delivery.busy(),
        delivery.failed(),
        verdict(everyOne, "every command answered or told busy"));
  }

  static String zipkin(ZipkinTimings timings) {
    String row = "%-44s %10s %10s %8s  %s%n";
    return new StringBuilder(
            "Overhead over the backend: a lookup on a cache miss vs the bare HTTP calls it needs,"
                + " real zipkin-server 3.5.1 on loopback (10 traces × 50 spans of one customer,"
                + " among the demo day)\n")
        .append(String.format(row, "case", "lookup", "bare", "ratio", "target"))
        .append(
            String.format(
                row,
                "Zipkin: 2 searches, one after the other",
                time(timings.lookup()),
                time(timings.rawSearches()),
                ratio(timings.lookupRatio()),
                verdict(timings.lookupRatio() < 1.1, "< 1.1×")))
        .append(
            String.format(
                row,
                "search, then 10 traces read one at a time",
                time(timings.fetchingOneByOne()),
                time(timings.rawSearchesAndFetches()),
                ratio(timings.oneByOneRatio()),
                verdict(timings.oneByOneRatio() < 1.1, "< 1.1×")))
        .append(
            String.format(
                row,
                "search, then 10 traces read at once",
                time(timings.fetchingTen()),
                time(timings.rawSearchesAndFetches()),
                ratio(timings.tenRatio()),
                verdict(timings.tenRatio() < 0.5, "< 0.5× the bare calls one at a time")))
        .append(
            "times are medians; ratios are medians of per-round ratios, each round timing both back"
                + " to back. note: Zipkin runs on the same cores, so reads at once gain at most"
                + " what its idle core allows.\n")
        .toString();
  }

  static String cache(CacheReplay.Result replay) {
    StringBuilder table =
        new StringBuilder(
                "Cache hit ratio on a replayed 8-hour support shift (mix in CacheReplay;"
                    + " shipped TTLs: recent windows 1 min, settled 1 h)\n")
            .append(String.format("%-14s %8s %8s %8s%n", "lookup", "count", "hits", "ratio"));
    for (CacheReplay.Kind kind : CacheReplay.Kind.values()) {
      int count = replay.lookups().getOrDefault(kind, 0);
      int hits = replay.hits().getOrDefault(kind, 0);
      table.append(
          String.format(
              "%-14s %8d %8d %7.0f%%%n",
              kind.name().toLowerCase(Locale.ROOT),
              count,
              hits,
              count == 0 ? 0.0 : 100.0 * hits / count));
    }
    return table
        .append(
            String.format(
                "all lookups: hit ratio %.0f%% (no target; Refresh bypasses the cache by design)%n",
                100 * replay.hitRatio()))
        .toString();
  }

  static String startup(StartupFootprint.Result result) {
    String row = "%-40s %12s %12s %12s%n";
    return new StringBuilder(
            "Startup and footprint of `java -jar target/trace-lookup.jar serve` (default JVM heap"
                + " settings), from spawn to /healthz 200\n")
        .append(String.format(row, "backend", "to ready", "VmRSS", "VmHWM"))
        .append(
            String.format(
                row,
                "demo (config/demo, 5 MB)",
                seconds(result.demo().toReady()),
                megabytes(result.demo().rssKb()),
                megabytes(result.demo().peakRssKb())))
        .append(
            String.format(
                row,
                String.format("otlp-file, %.2f GB of JSON Lines", result.bigBytes() / 1e9),
                seconds(result.big().toReady()),
                megabytes(result.big().rssKb()),
                megabytes(result.big().peakRssKb())))
        .append(
            "note: RSS includes heap the JVM sized for itself (by default up to 1/4 of RAM), not"
                + " only live data.\n")
        .toString();
  }

  /** Returns the machine's load over the last minute, which every figure above depends on. */
  /** The cards agents received under sustained load and a burst, against issue 16's targets. */
  static String cards(CardLoad.Result result) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                "Cards under load: packaged serve in its own process (shipped defaults,"
                    + " backend.max-concurrent %d), a Zipkin answering every search in %d s (two"
                    + " searches a lookup); a card counts when its root cause reaches the"
                    + " response_url within %d s of the command's planned send%n",
                CardLoad.MAX_CONCURRENT,
                CardLoad.LATENCY.toSeconds(),
                CardLoad.BUDGET.toSeconds()));
    out.append(
        String.format(
            "%-16s %8s %8s %9s %6s %6s %6s %6s %9s %9s %9s %9s%n",
            "phase",
            "commands",
            "acked",
            "in time",
            "late",
            "busy",
            "other",
            "lost",
            "ack p50",
            "ack p99",
            "card p50",
            "card p99"));
    // The warm-up is a fresh JVM compiling as it goes, but it shows where acks stand at a quarter
    // of the load.
    for (CardLoad.Phase phase : List.of(result.warmUp(), result.steady(), result.burst())) {
      out.append(
          String.format(
              "%-16s %8d %8d %9d %6d %6d %6d %6d %9s %9s %9s %9s%n",
              phase.name(),
              phase.commands(),
              phase.acked(),
              phase.cardsInTime(),
              phase.lateCards(),
              phase.busy(),
              phase.otherAnswers(),
              phase.unanswered(),
              time(phase.acks().p50()),
              time(phase.acks().p99()),
              time(phase.toCard().p50()),
              time(phase.toCard().p99())));
    }
    CardLoad.Phase steady = result.steady();
    CardLoad.Phase burst = result.burst();
    double servedShare = 100.0 * steady.cardsInTime() / steady.commands();
    out.append(
        String.format(
            "sustained: %.1f%% of commands got their card in time  %s%n",
            servedShare, verdict(servedShare >= 99.0, "≥ 99%")));
    out.append(
        String.format(
            "sustained: ack p99 %s  %s%n",
            time(steady.acks().p99()), verdict(steady.acks().p99() < 50_000_000L, "< 50 ms")));
    out.append(
        String.format(
            "burst: %d of %d got their card in time, %d told busy  %s%n",
            burst.cardsInTime(),
            burst.commands(),
            burst.busy(),
            verdict(
                burst.cardsInTime() == burst.commands() && burst.busy() == 0,
                "all cards, none turned away")));
    out.append(
        String.format(
            "bot process: VmRSS %d MB at the end, VmHWM (peak) %d MB  %s%n",
            result.rssKb() / 1024,
            result.peakRssKb() / 1024,
            verdict(result.peakRssKb() < 512 * 1024, "peak < 512 MB")));
    out.append(nativeMemory(result.nativeMemory()));
    int cards = steady.cardsInTime() + steady.lateCards() + burst.cardsInTime() + burst.lateCards();
    out.append(
        String.format(
            "progress posts (one per lookup still running after 3 s, before its card): %d%nbackend"
                + " searches served: %d; bot CPU after the warm-up %d ms, %.1f ms per card (bot run"
                + " with %s)%n",
            result.progressPosts(),
            result.searches(),
            result.cpuMillis(),
            cards == 0 ? 0.0 : (double) result.cpuMillis() / cards,
            CardLoad.HEAP));
    return out.toString();
  }

  /** Where the committed memory is, largest first, so a miss of the RSS target says why. */
  private static String nativeMemory(Map<String, Long> committed) {
    if (committed.isEmpty()) {
      return "native memory: NMT gave no summary\n";
    }
    long threads = committed.getOrDefault("threads", 0L);
    StringBuilder line = new StringBuilder("committed (NMT) after 200/s:");
    committed.entrySet().stream()
        .filter(entry -> !entry.getKey().equals("threads"))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(6)
        .forEach(
            entry -> {
              line.append(String.format(" %s %d MB", entry.getKey(), entry.getValue() / 1024));
              if (entry.getKey().equals("Thread") && threads > 0) {
                line.append(
                    String.format(
                        " (%d threads, %d kB each)", threads, entry.getValue() / threads));
              }
              line.append(';');
            });
    return line.append('\n').toString();
  }

  static String machineLoad() {
    return String.format(
        "machine: %d cores, load average %.1f over the last minute (other processes included)%n",
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static String ratio(double ratio) {
    return String.format("%.2f×", ratio);
  }

  private static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }

  private static String megabytes(long kb) {
    return String.format("%d MB", kb / 1024);
  }

  private static String verdict(boolean met, String target) {
    return Report.verdict(met, target);
  }

  /** Returns the time, or "lost" for a request that never got an answer. */
  private static String time(long nanos) {
    return nanos == Long.MAX_VALUE ? "lost" : Report.time(nanos);
  }
}
