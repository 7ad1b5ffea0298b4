package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Reads the traces a search named: from the search itself when the backend returned them whole,
 * else from the trace cache, else from the backend, at most {@code parallelism} at once; then the
 * traces their span links connect them to ({@link LinkedTraces}).
 */
final class TraceFetcher {
  private final TraceBackend backend;
  private final LookupCache cache;
  private final Executor executor;
  private final int parallelism;
  private final TraceCards cards;
  private final LinkedTraces links;

  /**
   * @param budget the lookup's; following span links may take a third of it
   */
  TraceFetcher(
      TraceBackend backend,
      LookupCache cache,
      Executor executor,
      int parallelism,
      TraceCards cards,
      Duration budget) {
    this.cards = cards;
    this.links = new LinkedTraces(backend, cache, executor, parallelism, budget.dividedBy(3));
    this.backend = backend;
    this.cache = cache;
    this.executor = executor;
    this.parallelism = parallelism;
  }

  /**
   * The traces read, in search order, the traces linked with each (by its ID), what the agent
   * should know, and the last failure seen.
   */
  record Fetched(
      List<Trace> traces,
      Map<String, List<Trace>> linked,
      List<String> warnings,
      Optional<BackendFailure> failure) {}

  Fetched fetchAll(List<TraceRef> refs) {
    return fetchAll(refs, () -> {});
  }

  /** Reads the traces, calling {@code read} once for each trace read, from any thread. */
  Fetched fetchAll(List<TraceRef> refs, Runnable read) {
    Map<String, FetchResult> results = new ConcurrentHashMap<>();
    Queue<String> pending = new ConcurrentLinkedQueue<>();
    for (TraceRef ref : refs) {
      Optional<Trace> known = ref.trace().or(() -> Optional.ofNullable(cache.trace(ref.traceId())));
      if (known.isPresent()) {
        cache.putTrace(known.get());
        results.put(ref.traceId(), new FetchResult.Fetched(known.get(), false));
        read.run();
      } else {
        pending.add(ref.traceId());
      }
    }
    drain(pending, results, read);
    return collect(refs, results);
  }

  TraceLookup.TraceResult fetchOne(String rawTraceId) {
    return fetchOne(rawTraceId, trace -> {});
  }

  /** Returns the trace's card, handing {@code read} the trace as the backend wrote it first. */
  TraceLookup.TraceResult fetchOne(String rawTraceId, Consumer<Trace> read) {
    Optional<String> traceId = TraceIds.traceId(rawTraceId);
    if (traceId.isEmpty()) {
      return new TraceLookup.TraceResult.Missing(rawTraceId);
    }
    Trace cached = cache.trace(traceId.get());
    FetchResult result =
        cached != null ? new FetchResult.Fetched(cached, false) : backend.fetch(traceId.get());
    if (result instanceof FetchResult.Fetched fetched && !fetched.trace().spans().isEmpty()) {
      Trace trace = fetched.trace();
      cache.putTrace(trace);
      read.accept(trace);
      List<Trace> linked = links.follow(List.of(trace)).of(trace.traceId());
      return new TraceLookup.TraceResult.Shown(cards.card(trace, linked, backend));
    }
    if (result instanceof FetchResult.Failed failed) {
      return new TraceLookup.TraceResult.Failed(failed.failure());
    }
    return new TraceLookup.TraceResult.Missing(traceId.get());
  }

  private void drain(Queue<String> pending, Map<String, FetchResult> results, Runnable read) {
    Runnable worker =
        () -> {
          for (String id = pending.poll(); id != null; id = pending.poll()) {
            results.put(id, backend.fetch(id));
            read.run();
          }
        };
    int workers = Math.min(parallelism, pending.size());
    List<CompletableFuture<Void>> running = new ArrayList<>(workers);
    for (int i = 1; i < workers; i++) {
      running.add(CompletableFuture.runAsync(worker, executor));
    }
    // The lookup's own thread would only wait: it reads too, so one trace needs no other thread.
    worker.run();
    CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
  }

  private Fetched collect(List<TraceRef> refs, Map<String, FetchResult> results) {
    List<Trace> traces = new ArrayList<>();
    int vanished = 0;
    int failed = 0;
    int partial = 0;
    BackendFailure lastFailure = null;
    for (TraceRef ref : refs) {
      FetchResult result = results.get(ref.traceId());
      if (result instanceof FetchResult.Fetched fetched) {
        cache.putTrace(fetched.trace());
        traces.add(fetched.trace());
        partial += fetched.partial() ? 1 : 0;
      } else if (result instanceof FetchResult.NotFound) {
        vanished++;
      } else if (result instanceof FetchResult.Failed failure) {
        failed++;
        lastFailure = failure.failure();
      }
    }
    List<String> warnings = warnings(vanished, failed, partial, lastFailure);
    LinkedTraces.Followed followed = links.follow(traces);
    warnings.addAll(followed.warnings());
    return new Fetched(traces, followed.linked(), warnings, Optional.ofNullable(lastFailure));
  }

  private List<String> warnings(int vanished, int failed, int partial, BackendFailure failure) {
    List<String> warnings = new ArrayList<>();
    if (vanished > 0) {
      warnings.add(
          vanished
              + (vanished == 1 ? " trace" : " traces")
              + " disappeared from "
              + backend.displayName()
              + " between search and read (expired or still being written).");
    }
    if (failed > 0) {
      warnings.add(
          "Partial results: "
              + failed
              + (failed == 1 ? " trace" : " traces")
              + " could not be read. "
              + failure.userMessage());
    }
    if (partial > 0) {
      warnings.add(
          partial
              + (partial == 1 ? " trace was" : " traces were")
              + " cut short by "
              + backend.displayName()
              + " (too large): their paths may be incomplete.");
    }
    return warnings;
  }
}
