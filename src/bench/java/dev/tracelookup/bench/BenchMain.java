package dev.tracelookup.bench;

import dev.tracelookup.backend.zipkin.ZipkinOverhead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in one go ({@code mvn -B -ntp -Pbench verify}) and prints one table of
 * figures, ratios and targets: JMH's in-process benchmarks, then the server-level figures. The JMH
 * configuration is short enough for a 2-core machine to finish in a few minutes, long enough for
 * the JIT to settle: 1 fork, 3 warm-up and 5 measured seconds, on a fixed 2 GB heap, with the GC
 * profiler for the bytes each operation allocates.
 *
 * <p>{@code BENCH_ONLY=BigTrace mvn -B -ntp -Pbench verify} runs only the big-trace benchmarks and
 * prints only their table, for measuring the reader and the analysis before and after a change;
 * {@code BENCH_ONLY=Server} runs only the server-level figures, skipping JMH; {@code
 * BENCH_ONLY=FileBackend} only the embedded file backend's figures on its 1 GB directory; {@code
 * BENCH_ONLY=Cards} only the cards agents get under sustained load and a burst.
 */
public final class BenchMain {
  private static final String BIG_TRACES = "BigTrace";
  private static final String SERVER = "Server";
  private static final String FILE_BACKEND = "FileBackend";
  private static final String CARDS = "Cards";
  private static final Path WORK = Path.of("target", "bench");
  // Copied by maven-dependency-plugin in pre-integration-test, before the benchmarks run.
  private static final Path ZIPKIN_JAR =
      Path.of("target", "zipkin", "zipkin-server-3.5.1-exec.jar");

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (FILE_BACKEND.equals(System.getenv("BENCH_ONLY"))) {
      Files.createDirectories(WORK);
      System.out.println(FileBackendBench.run(WORK));
      return;
    }
    if (CARDS.equals(System.getenv("BENCH_ONLY"))) {
      Files.createDirectories(WORK);
      System.out.println(ServerReport.cards(CardLoad.run(WORK)) + ServerReport.machineLoad());
      return;
    }
    if (SERVER.equals(System.getenv("BENCH_ONLY"))) {
      serverFigures();
      return;
    }
    boolean onlyBigTraces = BIG_TRACES.equals(System.getenv("BENCH_ONLY"));
    Collection<RunResult> results = new Runner(options(onlyBigTraces)).run();
    Report report = new Report(results);
    System.out.println();
    System.out.println(report.bigTraces());
    System.out.println(TraceHeap.table());
    if (onlyBigTraces) {
      return;
    }
    Stampede.Result stampede = Stampede.run();
    System.out.println(CardLimits.table());
    System.out.println(report.lookups(stampede));
    serverFigures();
  }

  /**
   * The figures JMH cannot take: the bot's HTTP server under load, real Zipkin, a replay and the
   * packaged jar's startup, each printed as it is measured.
   */
  private static void serverFigures() throws Exception {
    Files.createDirectories(WORK);
    System.out.println(ServerReport.acks(AckLoad.run(WORK)) + ServerReport.machineLoad());
    System.out.println(ServerReport.cards(CardLoad.run(WORK)) + ServerReport.machineLoad());
    System.out.println(
        ServerReport.zipkin(ZipkinOverhead.run(ZIPKIN_JAR, WORK.resolve("zipkin-server.log")))
            + ServerReport.machineLoad());
    System.out.println(ServerReport.cache(CacheReplay.run()));
    System.out.println(
        ServerReport.startup(StartupFootprint.run(WORK)) + ServerReport.machineLoad());
    System.out.println(FileBackendBench.run(WORK));
  }

  private static Options options(boolean onlyBigTraces) throws RunnerException {
    ChainedOptionsBuilder builder =
        new OptionsBuilder().include(BigTraceBenchmark.class.getSimpleName());
    if (!onlyBigTraces) {
      builder
          .include(CacheHitBenchmark.class.getSimpleName())
          .include(MissOverheadBenchmark.class.getSimpleName());
    }
    return builder
        .mode(Mode.SampleTime)
        .timeUnit(TimeUnit.NANOSECONDS)
        .forks(1)
        .warmupIterations(3)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgs("-Xms2g", "-Xmx2g", "-Dfile.encoding=UTF-8")
        .addProfiler(GCProfiler.class)
        .shouldFailOnError(true)
        .build();
  }
}
