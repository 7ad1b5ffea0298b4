package dev.tracelookup.bench;

import dev.tracelookup.testing.FakeSlackApi;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedded file backend on about 1 GB of collector output ({@link BigOtlpDirectory}), against
 * the targets of issue 16: ready within 1.5× a bare Jackson token pass over the same bytes, index
 * heap at most 100 MB, a start under {@code -Xmx256m}, a 20-trace customer's lookup under 100 ms,
 * appended lines searchable within 5 s. Each run is a fresh JVM with {@code -Xmx256m} ({@link
 * FileBackendProbe}), bare pass and index alternating, so that both start cold and share the
 * machine's load alike; then {@code serve} itself starts on the directory under {@code -Xmx256m}.
 */
final class FileBackendBench {
  private static final int RUNS = 3;
  private static final String HEAP = "-Xmx256m";
  private static final double MAX_RATIO = 1.5;
  private static final long MAX_HEAP_BYTES = 100L * 1024 * 1024;
  private static final long MAX_LOOKUP_NANOS = Duration.ofMillis(100).toNanos();
  private static final long MAX_LIVE_NANOS = Duration.ofSeconds(5).toNanos();
  private static final String ROW = "%-44s %14s %14s  %s%n";

  private FileBackendBench() {}

  static String run(Path workDir) throws Exception {
    Path big = BigOtlpDirectory.ensure(workDir.resolve("otlp-1g"));
    List<Map<String, Long>> bare = new ArrayList<>();
    List<Map<String, Long>> index = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      bare.add(probe("bare", big, workDir.resolve("file-bare-" + run + ".log")));
      index.add(probe("index", big, workDir.resolve("file-index-" + run + ".log")));
    }
    ServeProcess.Startup serve = serve(big, workDir);
    return table(bare, index, serve, BigOtlpDirectory.size(big));
  }

  private static String table(
      List<Map<String, Long>> bare,
      List<Map<String, Long>> index,
      ServeProcess.Startup serve,
      long bytes) {
    double bareWall = median(bare, "wallNanos");
    double bareCpu = median(bare, "cpuNanos");
    double indexWall = median(index, "wallNanos");
    double indexCpu = median(index, "cpuNanos");
    double heap = median(index, "heapBytes");
    double p50 = median(index, "lookupP50Nanos");
    double p99 = median(index, "lookupP99Nanos");
    double liveMax =
        index.stream().mapToLong(figures -> figures.get("liveMaxNanos")).max().orElseThrow();
    return new StringBuilder(
            String.format(
                "Embedded file backend on %.2f GB of OTLP JSON Lines (%d traces), each run"
                    + " a fresh JVM with %s; medians of %d runs, bare pass and index alternating%n",
                bytes / 1e9, index.get(0).get("traces"), HEAP, RUNS))
        .append(String.format(ROW, "figure", "wall", "main-thread CPU", "target"))
        .append(
            String.format(
                ROW,
                "bare Jackson token pass (nextToken only)",
                seconds(bareWall),
                seconds(bareCpu),
                ""))
        .append(
            String.format(ROW, "time to ready (index)", seconds(indexWall), seconds(indexCpu), ""))
        .append(
            String.format(
                ROW,
                "ratio index / bare",
                ratio(indexWall / bareWall),
                ratio(indexCpu / bareCpu),
                Report.verdict(indexWall / bareWall <= MAX_RATIO, "≤ 1.5× (wall)")))
        .append(
            String.format(
                ROW,
                "index heap after GC",
                String.format("%.1f MB", heap / 1024 / 1024),
                "",
                Report.verdict(heap <= MAX_HEAP_BYTES, "≤ 100 MB")))
        .append(
            String.format(
                ROW,
                "start under " + HEAP,
                "yes",
                "",
                Report.verdict(true, "every run above, and serve below")))
        .append(
            String.format(
                ROW,
                String.format(
                    "lookup, customer with 20 of %d traces, p50", index.get(0).get("lookupTraces")),
                Report.time(p50),
                "",
                Report.verdict(p50 < MAX_LOOKUP_NANOS, "< 100 ms")))
        .append(
            String.format(
                ROW,
                "lookup, p99",
                Report.time(p99),
                "",
                Report.verdict(p99 < MAX_LOOKUP_NANOS, "< 100 ms")))
        .append(
            String.format(
                ROW,
                "append to searchable (poll every 2 s), worst",
                seconds(liveMax),
                "",
                Report.verdict(liveMax <= MAX_LIVE_NANOS, "≤ 5 s")))
        .append(
            String.format(
                ROW,
                "serve " + HEAP + ": spawn to /healthz 200",
                seconds(serve.toReady().toNanos()),
                "",
                String.format(
                    "VmRSS %d MB, VmHWM %d MB", serve.rssKb() / 1024, serve.peakRssKb() / 1024)))
        .append(
            String.format(
                "machine: %d cores, load average %.1f over the last minute (other processes"
                    + " included)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
        .toString();
  }

  /** Runs the probe in a fresh JVM and returns its figures. */
  private static Map<String, Long> probe(String mode, Path directory, Path log) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP,
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path")));
    String logback = System.getProperty("logback.configurationFile");
    if (logback != null) {
      command.add("-Dlogback.configurationFile=" + logback);
    }
    command.addAll(List.of(FileBackendProbe.class.getName(), mode, directory.toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IllegalStateException(mode + " probe failed (under " + HEAP + "?); see " + log);
    }
    Map<String, Long> figures = new HashMap<>();
    for (String figure :
        FileBackendProbe.figureLines(Files.readAllLines(log, StandardCharsets.UTF_8))) {
      String[] parts = figure.split("=", 2);
      figures.put(parts[0], Long.parseLong(parts[1]));
    }
    return figures;
  }

  /** Starts the packaged bot on the directory with the heap the issue names. */
  private static ServeProcess.Startup serve(Path big, Path workDir) throws Exception {
    Path config = workDir.resolve("file-backend").resolve("trace-lookup.yml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        "backend:\n  type: otlp-file\n  directory: "
            + big.toAbsolutePath()
            + "\nincidents:\n  sources: []\n");
    try (FakeSlackApi slack = new FakeSlackApi()) {
      Map<String, String> env =
          Map.of(
              "TRACE_LOOKUP_CONFIG",
              config.toString(),
              "SLACK_API_URL",
              slack.apiUrl(),
              "SLACK_SIGNING_SECRET",
              "bench-signing-secret",
              "SLACK_BOT_TOKEN",
              "xoxb-bench",
              "JAVA_TOOL_OPTIONS",
              HEAP);
      return ServeProcess.measure(
          env, workDir.resolve("serve-1g-xmx256m.log"), Duration.ofMinutes(5));
    }
  }

  private static double median(List<Map<String, Long>> runs, String figure) {
    long[] values = runs.stream().mapToLong(run -> run.get(figure)).toArray();
    Arrays.sort(values);
    return values[values.length / 2];
  }

  private static String seconds(double nanos) {
    return String.format("%.2f s", nanos / 1e9);
  }

  private static String ratio(double ratio) {
    return String.format("%.2f×", ratio);
  }
}
