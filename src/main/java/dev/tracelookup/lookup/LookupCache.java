package dev.tracelookup.lookup;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tracelookup.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The two caches behind lookups.
 *
 * <p>Lookups are cached by their normalised query; concurrent identical lookups share one
 * computation (single flight). A window that ends close to now lives briefly, because traces are
 * still arriving (Tempo does not even search the last 30 s); a settled window lives long. Failed
 * lookups are never kept. Whole traces are cached by ID, weighed by span count, since one huge
 * trace must not evict a thousand small ones unnoticed.
 */
public final class LookupCache {
  private final AsyncCache<LookupKey, LookupOutcome> lookups;
  private final Cache<String, Trace> traces;

  /** Returns caches sized and timed by the configuration; {@code ticker} drives expiry. */
  public LookupCache(
      int maxLookups,
      Duration recentTtl,
      Duration settledTtl,
      Duration recentThreshold,
      long maxTraceSpans,
      Duration traceTtl,
      Clock clock,
      Ticker ticker,
      Executor executor) {
    this.lookups =
        Caffeine.newBuilder()
            .maximumSize(maxLookups)
            .expireAfter(new WindowExpiry(recentTtl, settledTtl, recentThreshold, clock))
            .ticker(ticker)
            .executor(executor)
            .recordStats()
            .buildAsync();
    this.traces =
        Caffeine.newBuilder()
            .maximumWeight(maxTraceSpans)
            .<String, Trace>weigher((id, trace) -> Math.max(1, trace.spans().size()))
            .expireAfterAccess(traceTtl)
            .ticker(ticker)
            .executor(executor)
            .recordStats()
            .build();
  }

  /** A cached or freshly computed outcome, and whether this caller found it already there. */
  record Lookup(CompletableFuture<LookupOutcome> outcome, boolean shared) {}

  /**
   * Returns the outcome for the key, starting {@code compute} only when no identical lookup is
   * cached or running.
   */
  Lookup get(LookupKey key, Supplier<CompletableFuture<LookupOutcome>> compute) {
    while (true) {
      AtomicBoolean computed = new AtomicBoolean();
      CompletableFuture<LookupOutcome> future =
          lookups.get(
              key,
              (k, executor) -> {
                computed.set(true);
                return compute.get();
              });
      if (!computed.get() && failed(future)) {
        // The removal below may not have run yet when a waiter wakes and asks again.
        lookups.asMap().remove(key, future);
        continue;
      }
      future.thenAccept(
          outcome -> {
            if (outcome instanceof LookupOutcome.Failed) {
              // A failure is about the backend's state, not the query: the next try must ask again.
              lookups.asMap().remove(key, future);
            }
          });
      return new Lookup(future, !computed.get());
    }
  }

  private static boolean failed(CompletableFuture<LookupOutcome> future) {
    return future.isDone()
        && !future.isCompletedExceptionally()
        && future.getNow(null) instanceof LookupOutcome.Failed;
  }

  void invalidate(LookupKey key) {
    lookups.synchronous().invalidate(key);
  }

  /**
   * Drops every lookup of the customer whose {@link LookupKey#userDigest()} is given, and every
   * cached trace those lookups returned or that {@code owned} recognises. A lookup still running is
   * dropped now and its traces as soon as it ends, so no copy outlives the erasure.
   */
  Erased erase(String userDigest, Predicate<Trace> owned) {
    int lookupsRemoved = 0;
    List<CompletableFuture<?>> running = new ArrayList<>();
    Set<String> traceIds = new HashSet<>();
    for (LookupKey key : List.copyOf(lookups.asMap().keySet())) {
      CompletableFuture<LookupOutcome> future =
          key.userDigest().equals(userDigest) ? lookups.asMap().remove(key) : null;
      if (future == null) {
        continue;
      }
      lookupsRemoved++;
      if (future.isDone()) {
        traceIds.addAll(traceIdsOf(future));
      } else {
        running.add(
            future.handle(
                (outcome, bug) -> {
                  traceIdsOf(future).forEach(traces::invalidate);
                  return forgetTraces(owned);
                }));
      }
    }
    int tracesRemoved =
        (int) traceIds.stream().filter(id -> traces.asMap().remove(id) != null).count();
    return new Erased(
        lookupsRemoved,
        running.size(),
        tracesRemoved + forgetTraces(owned),
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)));
  }

  private static List<String> traceIdsOf(CompletableFuture<LookupOutcome> future) {
    LookupOutcome outcome = future.isCompletedExceptionally() ? null : future.getNow(null);
    if (!(outcome instanceof LookupOutcome.Found found)) {
      return List.of();
    }
    return found.traces().stream()
        .map(card -> card.analysis().summary().traceId())
        .collect(Collectors.toList());
  }

  private int forgetTraces(Predicate<Trace> owned) {
    int removed = 0;
    for (Map.Entry<String, Trace> entry : List.copyOf(traces.asMap().entrySet())) {
      if (owned.test(entry.getValue()) && traces.asMap().remove(entry.getKey(), entry.getValue())) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * What an erasure removed: cached lookups (of which still running) and cached traces; {@code
   * settled} completes once the running ones have ended and their traces are gone too.
   */
  record Erased(int lookups, int inFlight, int traces, CompletableFuture<Void> settled) {}

  Trace trace(String traceId) {
    return traces.getIfPresent(traceId);
  }

  void putTrace(Trace trace) {
    traces.put(trace.traceId(), trace);
  }

  /** Returns the lookup cache's hit and miss counts. */
  public CacheStats lookupStats() {
    return lookups.synchronous().stats();
  }

  /** Returns the trace cache's hit and miss counts. */
  public CacheStats traceStats() {
    return traces.stats();
  }

  /** Returns how many lookups and spans are held now. */
  public long lookupCount() {
    return lookups.synchronous().estimatedSize();
  }

  public long tracedSpans() {
    return traces.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  private static final class WindowExpiry implements Expiry<LookupKey, LookupOutcome> {
    private final long recentNanos;
    private final long settledNanos;
    private final Duration recentThreshold;
    private final Clock clock;

    WindowExpiry(Duration recentTtl, Duration settledTtl, Duration recentThreshold, Clock clock) {
      this.recentNanos = recentTtl.toNanos();
      this.settledNanos = settledTtl.toNanos();
      this.recentThreshold = recentThreshold;
      this.clock = clock;
    }

    @Override
    public long expireAfterCreate(LookupKey key, LookupOutcome value, long currentTime) {
      boolean recent = key.to().isAfter(clock.instant().minus(recentThreshold));
      return recent ? recentNanos : settledNanos;
    }

    @Override
    public long expireAfterUpdate(
        LookupKey key, LookupOutcome value, long currentTime, long currentDuration) {
      return expireAfterCreate(key, value, currentTime);
    }

    @Override
    public long expireAfterRead(
        LookupKey key, LookupOutcome value, long currentTime, long currentDuration) {
      return currentDuration;
    }
  }
}
