package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
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
  final List<Thread> searchThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<Thread> fetchThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
  final AtomicInteger fetches = new AtomicInteger();
  volatile CountDownLatch gate = new CountDownLatch(0);
  volatile BackendFailure searchFailure;

  /** When set, searches throw it: a bug of the bot's somewhere below the lookup. */
  volatile RuntimeException searchBug;

  final Map<String, BackendFailure> fetchFailures = new ConcurrentHashMap<>();

  /**
   * When set, searches still name the traces but fetches no longer find them (expired meanwhile).
   */
  volatile boolean vanishOnFetch;

  /**
   * Traces a fetch finds but a search does not: queued work or its request, without the user ID.
   */
  final Map<String, Trace> unsearched = new ConcurrentHashMap<>();

  volatile String name = "memory";

  /** The answer to every search by link; null answers as a backend that cannot search by link. */
  volatile LinkSearch linkAnswer;

  final List<LinkQuery> linkQueries = new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Fetches of {@link #unsearched} traces wait here, to make following links overrun its budget.
   */
  volatile CountDownLatch linkedFetchGate = new CountDownLatch(0);

  InMemoryBackend add(Trace trace) {
    traces.put(trace.traceId(), trace);
    return this;
  }

  /** Adds a trace that fetches find and searches do not. */
  InMemoryBackend addUnsearched(Trace trace) {
    unsearched.put(trace.traceId(), trace);
    return this;
  }

  @Override
  public String displayName() {
    return name;
  }

  @Override
  public LinkSearch searchLinkingTo(LinkQuery query) {
    linkQueries.add(query);
    LinkSearch answer = linkAnswer;
    return answer == null ? TraceBackend.super.searchLinkingTo(query) : answer;
  }

  @Override
  public SearchResult search(TraceQuery query) {
    searches.incrementAndGet();
    searchThreads.add(Thread.currentThread());
    lastSearchedUser = query.userId();
    try {
      gate.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (searchBug != null) {
      throw searchBug;
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
    fetchThreads.add(Thread.currentThread());
    BackendFailure failure = fetchFailures.get(traceId);
    if (failure != null) {
      return new FetchResult.Failed(failure);
    }
    Trace linked = unsearched.get(traceId);
    if (linked != null) {
      awaitLinkedFetchGate();
      return new FetchResult.Fetched(linked, false);
    }
    Trace trace = vanishOnFetch ? null : traces.get(traceId);
    return trace == null
        ? new FetchResult.NotFound(traceId)
        : new FetchResult.Fetched(trace, false);
  }

  private void awaitLinkedFetchGate() {
    try {
      linkedFetchGate.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    return Optional.of(
        "https://ui.example/trace/" + traceId + focusSpanId.map(s -> "?span=" + s).orElse(""));
  }
}
