package dev.tracelookup.bench;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TraceLookup;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A lookup on an empty cache against the same backend calls made bare: one search (20 ms), then ten
 * fetches (10 ms each) four at a time. The difference is what the bot adds. Refresh, which searches
 * again but keeps the traces already fetched, is measured beside them.
 */
@State(Scope.Benchmark)
public class MissOverheadBenchmark {
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ExecutorService fetchers = Executors.newFixedThreadPool(Lookups.FETCH_PARALLELISM);
  private final LookupRequest request = Lookups.request();
  private FakeBackend backend;
  private TraceLookup cold;
  private TraceLookup warm;

  @Setup
  public void connect() throws OtlpFormatException {
    backend = new FakeBackend(10, 50, Duration.ofMillis(20), Duration.ofMillis(10));
    warm = Lookups.over(backend, pool);
    warm.lookup(request, false);
  }

  /** A new pipeline, so a new cache, for every cold lookup; its building is not timed. */
  @Setup(Level.Invocation)
  public void emptyCache() {
    cold = Lookups.over(backend, pool);
  }

  @TearDown
  public void stop() {
    pool.shutdownNow();
    fetchers.shutdownNow();
  }

  @Benchmark
  public LookupOutcome lookupColdCache() {
    return cold.lookup(request, false);
  }

  @Benchmark
  public LookupOutcome lookupRefresh() {
    return warm.lookup(request, true);
  }

  @Benchmark
  public List<FetchResult> backendCallsAlone() {
    SearchResult found = backend.search(Lookups.query(request));
    List<CompletableFuture<FetchResult>> fetches =
        ((SearchResult.Found) found)
            .traces().stream()
                .map(
                    ref ->
                        CompletableFuture.supplyAsync(() -> backend.fetch(ref.traceId()), fetchers))
                .collect(Collectors.toList());
    return fetches.stream().map(CompletableFuture::join).collect(Collectors.toList());
  }
}
