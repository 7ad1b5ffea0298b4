package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written backend for pipeline tests: searches answer with IDs only (as Tempo does), so the
 * pipeline must fetch; counts calls; can be held at a latch to make lookups overlap.
 */
final class InMemoryBackend implements TraceBackend {
  final Map<String, Trace> traces = new ConcurrentHashMap<>();
  final AtomicInteger searches = new AtomicInteger();
  volatile String lastSearchedUser;
  final AtomicInteger fetches = new AtomicInteger();
  volatile CountDownLatch gate = new CountDownLatch(0);
  volatile BackendFailure searchFailure;
  final Map<String, BackendFailure> fetchFailures = new ConcurrentHashMap<>();
  /** When set, searches still name the traces but fetches no longer find them (expired meanwhile). */
  volatile boolean vanishOnFetch;

  InMemoryBackend add(Trace trace) {
    traces.put(trace.traceId(), trace);
    return this;
  }

  @Override
  public String displayName() {
    return "memory";
  }

  @Override
  public SearchResult search(TraceQuery query) {
    searches.incrementAndGet();
    lastSearchedUser = query.userId();
    try {
      gate.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (searchFailure != null) {
      return new SearchResult.Failed(searchFailure);
    }
    List<TraceRef> refs = new ArrayList<>();
    traces.keySet().stream().sorted().forEach(id -> refs.add(new TraceRef(id, Optional.empty())));
    return new SearchResult.Found(refs, List.of());
  }

  @Override
  public FetchResult fetch(String traceId) {
    fetches.incrementAndGet();
    BackendFailure failure = fetchFailures.get(traceId);
    if (failure != null) {
      return new FetchResult.Failed(failure);
    }
    Trace trace = vanishOnFetch ? null : traces.get(traceId);
    return trace == null ? new FetchResult.NotFound(traceId) : new FetchResult.Fetched(trace, false);
  }

  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    return Optional.of("https://ui.example/trace/" + traceId + focusSpanId.map(s -> "?span=" + s).orElse(""));
  }
}
