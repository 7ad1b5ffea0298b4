package dev.tracelookup.backend.zipkin;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * What a lookup on a cache miss costs over the Zipkin calls it needs, against a real zipkin-server
 * 3.5.1 on loopback holding the demo day plus {@link ZipkinBenchData}: every round times the bare
 * calls ({@link RawZipkin}) and the lookups back to back, so both see the same machine.
 *
 * <p>Zipkin answers a search with whole traces, so its lookup is two sequential searches (by {@code
 * user.id}, then {@code enduser.id}). Tempo and Jaeger v1-style backends answer trace IDs that are
 * then fetched; that shape is measured on the same server by reading the searched traces again with
 * {@code GET /api/v2/trace/{id}}, one at a time or ten at once.
 */
public final class ZipkinOverhead {
  private static final Duration READY_WITHIN = Duration.ofSeconds(120);
  private static final int WARM_UP_ROUNDS = 30;
  private static final int ROUNDS = 60;
  private static final int MAX_TRACES = 20;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ZipkinBackend backend;
  private final RawZipkin raw;
  private final LookupRequest request =
      new LookupRequest(
          ZipkinBenchData.USER,
          new TimeWindow(ZipkinBenchData.FROM, ZipkinBenchData.TO, ZoneOffset.UTC, "benchmark"),
          Optional.empty(),
          Optional.empty(),
          false);

  private ZipkinOverhead(ZipkinServerProcess server) {
    HttpClient http = HttpClient.newHttpClient();
    Endpoint endpoint =
        new Endpoint(
            "Zipkin",
            server.uri(),
            Map.of(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            2,
            50_000_000);
    this.backend =
        new ZipkinBackend(
            new BackendHttp(http, endpoint, Clock.systemUTC(), pause -> {}),
            DemoLookups.USER_KEYS,
            ZipkinOptions.defaults());
    TraceQuery query =
        new TraceQuery(
            request.userId(),
            request.window().from(),
            request.window().to(),
            Optional.empty(),
            Optional.empty(),
            false,
            MAX_TRACES);
    this.raw =
        new RawZipkin(
            http,
            server.uri(),
            DemoLookups.USER_KEYS.stream()
                .map(key -> SearchPath.of(key, query))
                .collect(Collectors.toList()));
  }

  /**
   * Starts zipkin-server from its exec jar, seeds it, times {@link #ROUNDS} rounds after a warm-up,
   * and stops it.
   */
  public static ZipkinTimings run(Path jar, Path log) throws Exception {
    ZipkinServerProcess server = ZipkinServerProcess.start(jar, log, READY_WITHIN);
    ZipkinOverhead overhead = new ZipkinOverhead(server);
    try {
      server.postSpans(
          FakeZipkin.JSON.writeValueAsString(
              OtelToZipkin.spans(DemoLookups.tracesOfTheDay(DemoLookups.fileBackend()))));
      server.postSpans(FakeZipkin.JSON.writeValueAsString(ZipkinBenchData.spans()));
      server.awaitStatus(
          "/api/v2/trace/" + String.format("b%031x", ZipkinBenchData.TRACES),
          200,
          Duration.ofSeconds(10));
      overhead.rounds(WARM_UP_ROUNDS);
      return overhead.rounds(ROUNDS);
    } finally {
      overhead.pool.shutdownNow();
      server.stop();
    }
  }

  private ZipkinTimings rounds(int count) throws Exception {
    long[][] byRound = new long[count][];
    for (int round = 0; round < count; round++) {
      byRound[round] =
          new long[] {
            time(raw::searches),
            time(() -> lookup(backend, 1)),
            time(raw::searchesThenFetches),
            time(() -> lookup(new FetchingZipkin(backend), 1)),
            time(() -> lookup(new FetchingZipkin(backend), ZipkinBenchData.TRACES))
          };
    }
    return ZipkinTimings.of(byRound);
  }

  /** A lookup on a new, empty cache, as {@code Wiring} builds it: a miss every time. */
  private void lookup(TraceBackend through, int fetchParallelism) {
    LookupCache cache =
        new LookupCache(
            1_000,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            2_000_000,
            Duration.ofHours(1),
            Clock.systemUTC(),
            Ticker.systemTicker(),
            Runnable::run);
    LookupOutcome outcome =
        new TraceLookup(through, cache, pool, MAX_TRACES, fetchParallelism, Duration.ofSeconds(20))
            .lookup(request, false);
    int found = outcome instanceof LookupOutcome.Found shown ? shown.traces().size() : 0;
    if (found != ZipkinBenchData.TRACES) {
      throw new IllegalStateException(
          "the benchmark lookup found " + found + " traces: " + outcome);
    }
  }

  private interface Timed {
    void run() throws Exception;
  }

  private static long time(Timed work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return System.nanoTime() - start;
  }

  /**
   * Zipkin searched as a search-then-fetch backend: the search names traces, each is read again.
   */
  private static final class FetchingZipkin implements TraceBackend {
    private final ZipkinBackend zipkin;

    FetchingZipkin(ZipkinBackend zipkin) {
      this.zipkin = zipkin;
    }

    @Override
    public String displayName() {
      return zipkin.displayName();
    }

    @Override
    public SearchResult search(TraceQuery query) {
      SearchResult.Found found = (SearchResult.Found) zipkin.search(query);
      return new SearchResult.Found(
          found.traces().stream()
              .map(ref -> new TraceRef(ref.traceId(), Optional.empty()))
              .collect(Collectors.toList()),
          found.warnings());
    }

    @Override
    public FetchResult fetch(String traceId) {
      return zipkin.fetch(traceId);
    }

    @Override
    public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
      return zipkin.traceUrl(traceId, focusSpanId);
    }
  }
}
