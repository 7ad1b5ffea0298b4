package dev.tracelookup.bench;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/** The lookup pipeline wired as {@code Wiring} wires it, over a given backend and pool. */
final class Lookups {
  static final int FETCH_PARALLELISM = 4;
  static final int MAX_TRACES = 20;

  private Lookups() {}

  static TraceLookup over(FakeBackend backend, ExecutorService pool) {
    return over(backend, pool, Clock.systemUTC(), Ticker.systemTicker());
  }

  /** The pipeline with the shipped cache settings, its expiry driven by this clock and ticker. */
  static TraceLookup over(TraceBackend backend, Executor pool, Clock clock, Ticker ticker) {
    LookupCache cache =
        new LookupCache(
            1_000,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            2_000_000,
            Duration.ofHours(1),
            clock,
            ticker,
            Runnable::run);
    return new TraceLookup(
        backend, cache, pool, MAX_TRACES, FETCH_PARALLELISM, Duration.ofSeconds(10));
  }

  /** The query the pipeline sends for {@code request}. */
  static TraceQuery query(LookupRequest request) {
    return new TraceQuery(
        request.userId(),
        request.window().from(),
        request.window().to(),
        request.service(),
        request.spanName(),
        request.errorsOnly(),
        MAX_TRACES);
  }

  /** A settled half-hour window, the common case of a ticket about this morning. */
  static LookupRequest request() {
    Instant from =
        Instant.ofEpochSecond(OtlpTraceJson.START_NANOS / 1_000_000_000L).minusSeconds(900);
    return new LookupRequest(
        OtlpTraceJson.USER_ID,
        new TimeWindow(from, from.plusSeconds(1_800), ZoneOffset.UTC, "benchmark"),
        Optional.empty(),
        Optional.empty(),
        false);
  }
}
