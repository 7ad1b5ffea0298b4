package dev.tracelookup.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.backend.otlpfile.OtlpFileOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;

/**
 * Runs in a JVM of its own, started by {@link FileBackendBench} with {@code -Xmx256m}, so that each
 * figure starts cold and the heap limit is the one the issue sets. Prints {@code figure name=value}
 * lines. {@code bare}: one Jackson token pass over every trace file, nothing kept. {@code index}:
 * opens the backend (time, CPU, heap after GC), looks up a customer with 20 traces, then follows
 * the directory and times appends until they are searchable.
 */
public final class FileBackendProbe {
  static final String LIVE_FILE = "live-probe.json";
  private static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  private static final int LOOKUPS = 200;
  private static final int APPENDS = 5;
  private static final long DAY_NANOS = 86_400_000_000_000L;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FileBackendProbe() {}

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    if (args[0].equals("bare")) {
      bare(directory);
    } else {
      index(directory);
    }
  }

  private static void bare(Path directory) throws Exception {
    JsonFactory factory = new JsonFactory();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long tokens = 0;
    for (Path file : traceFiles(directory)) {
      try (InputStream in = Files.newInputStream(file);
          JsonParser parser = factory.createParser(in)) {
        while (parser.nextToken() != null) {
          tokens++;
        }
      }
    }
    figure("wallNanos", System.nanoTime() - start);
    figure("cpuNanos", THREADS.getCurrentThreadCpuTime() - cpu);
    figure("tokens", tokens);
  }

  private static void index(Path directory) throws Exception {
    Path live = directory.resolve(LIVE_FILE);
    Files.writeString(live, BigOtlpDirectory.liveLine(0, Instant.now()) + "\n");
    try {
      long heapBefore = heapAfterGc();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      OtlpFileBackend backend =
          OtlpFileBackend.open(
              directory,
              USER_KEYS,
              Optional.empty(),
              "bench files",
              OtlpFileOptions.DEFAULTS,
              Clock.systemUTC());
      figure("wallNanos", System.nanoTime() - start);
      figure("cpuNanos", THREADS.getCurrentThreadCpuTime() - cpu);
      figure("heapBytes", heapAfterGc() - heapBefore);
      figure("traces", backend.traceCount());
      lookups(backend);
      live(backend, live);
    } finally {
      Files.deleteIfExists(live);
    }
  }

  /** Times searches for the day-7 customer whose day holds 20 traces or just over. */
  private static void lookups(OtlpFileBackend backend) throws IOException {
    Instant dayStart =
        Instant.ofEpochSecond(0, BigOtlpDirectory.firstDayStartNanos() + 7 * DAY_NANOS);
    String customer = null;
    int fewest = Integer.MAX_VALUE;
    for (String user : BigOtlpDirectory.customersOfDay(7)) {
      int count = traces(backend.search(query(user, dayStart, 1000))).size();
      if (count >= 20 && count < fewest) {
        customer = user;
        fewest = count;
      }
    }
    long[] nanos = new long[LOOKUPS];
    for (int i = 0; i < LOOKUPS; i++) {
      long start = System.nanoTime();
      int found = traces(backend.search(query(customer, dayStart, 20))).size();
      nanos[i] = System.nanoTime() - start;
      if (found != 20) {
        throw new IllegalStateException("expected 20 traces, found " + found);
      }
    }
    Latencies latencies = Latencies.of(nanos);
    figure("lookupTraces", fewest);
    figure("lookupP50Nanos", latencies.p50());
    figure("lookupP99Nanos", latencies.p99());
  }

  /** Appends a trace for a new customer while the backend follows, until a search finds it. */
  private static void live(OtlpFileBackend backend, Path live) throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      backend.follow(scheduler);
      long worst = 0;
      long total = 0;
      for (int i = 1; i <= APPENDS; i++) {
        Instant at = Instant.now();
        String line = BigOtlpDirectory.liveLine(i, at) + "\n";
        long appended = System.nanoTime();
        Files.write(live, line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        TraceQuery query = query(BigOtlpDirectory.liveCustomer(i), at.minusSeconds(60), 1);
        while (traces(backend.search(query)).isEmpty()) {
          if (System.nanoTime() - appended > Duration.ofSeconds(30).toNanos()) {
            throw new IllegalStateException("an appended line was not searchable within 30 s");
          }
          Thread.sleep(10);
        }
        long took = System.nanoTime() - appended;
        worst = Math.max(worst, took);
        total += took;
      }
      figure("liveMeanNanos", total / APPENDS);
      figure("liveMaxNanos", worst);
    } finally {
      scheduler.shutdownNow();
    }
  }

  private static TraceQuery query(String user, Instant from, int limit) {
    return new TraceQuery(
        user,
        from,
        from.plus(Duration.ofDays(1)),
        Optional.empty(),
        Optional.empty(),
        false,
        limit);
  }

  private static List<?> traces(SearchResult result) {
    if (!(result instanceof SearchResult.Found found)) {
      throw new IllegalStateException("search failed: " + result);
    }
    return found.traces();
  }

  private static List<Path> traceFiles(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(".jsonl")).sorted().toList();
    }
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void figure(String name, long value) {
    System.out.println("figure " + name + "=" + value);
  }

  static List<String> figureLines(List<String> output) {
    List<String> figures = new ArrayList<>();
    for (String line : output) {
      if (line.startsWith("figure ")) {
        figures.add(line.substring("figure ".length()));
      }
    }
    return figures;
  }
}
