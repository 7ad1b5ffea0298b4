package dev.tracelookup.bench;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TraceLookup;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A lookup the cache already answered: what an agent waits for on a repeated command. */
@State(Scope.Benchmark)
public class CacheHitBenchmark {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final LookupRequest request = Lookups.request();
  private TraceLookup lookup;

  @Setup
  public void warmCache() throws OtlpFormatException {
    lookup =
        Lookups.over(new FakeBackend(10, 50, Duration.ofMillis(20), Duration.ofMillis(10)), pool);
    lookup.lookup(request, false);
  }

  @TearDown
  public void stop() {
    pool.shutdownNow();
  }

  @Benchmark
  public LookupOutcome cachedLookup() {
    return lookup.lookup(request, false);
  }
}
