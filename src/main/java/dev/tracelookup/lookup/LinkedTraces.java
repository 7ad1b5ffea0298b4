package dev.tracelookup.lookup;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Brings in the traces that span links connect a lookup's traces to, so the analysis reads queued
 * work together with the request that queued it ({@link
 * dev.tracelookup.trace.TraceAnalyzer#analyze(Trace, List)}).
 *
 * <ul>
 *   <li>Spans whose links point into another trace (a consumer pointing at its producer): that
 *       trace is read by ID, from the trace cache when it is there; at most {@value
 *       #MAX_LINKED_PER_TRACE} per trace.
 *   <li>PRODUCER spans whose consumers are not in their trace: the backend is asked for the traces
 *       linking into it ({@link TraceBackend#searchLinkingTo}), from a minute before the trace to
 *       {@link #QUEUE_HORIZON} after it, at most {@value #MAX_CONSUMERS_PER_TRACE}, and what it
 *       names is read. When the backend cannot search by link, a warning names the queued work.
 * </ul>
 *
 * <p>Reads and searches run at most {@code parallelism} at once, in two rounds (searches and reads
 * by ID; then reads of what the searches named), within the budget; what is not done by then is
 * left out and said. Traces read are cached like any trace.
 */
final class LinkedTraces {
  static final int MAX_LINKED_PER_TRACE = 3;
  static final int MAX_CONSUMERS_PER_TRACE = 5;

  /** Per lookup: a page of 20 traces must not turn into a hundred backend calls. */
  static final int MAX_SEARCHES = 10;

  static final int MAX_READS = 20;
  static final Duration BEFORE_TRACE = Duration.ofMinutes(1);
  static final Duration QUEUE_HORIZON = Duration.ofHours(1);

  private final TraceBackend backend;
  private final LookupCache cache;
  private final Executor executor;
  private final int parallelism;
  private final Duration budget;

  LinkedTraces(
      TraceBackend backend,
      LookupCache cache,
      Executor executor,
      int parallelism,
      Duration budget) {
    this.backend = backend;
    this.cache = cache;
    this.executor = executor;
    this.parallelism = parallelism;
    this.budget = budget;
  }

  /** The traces linked with each trace, by its ID, and what the agent should know. */
  record Followed(Map<String, List<Trace>> linked, List<String> warnings) {
    Followed {
      linked = Map.copyOf(linked);
      warnings = List.copyOf(warnings);
    }

    List<Trace> of(String traceId) {
      return linked.getOrDefault(traceId, List.of());
    }
  }

  Followed follow(List<Trace> traces) {
    long deadline = System.nanoTime() + budget.toNanos();
    Run run = new Run(traces);
    boolean inTime =
        BoundedRun.all(run.firstRound(), executor, parallelism, deadline)
            && BoundedRun.all(run.secondRound(), executor, parallelism, deadline);
    return new Followed(run.linked(), run.warnings(inTime));
  }

  /** One lookup's links: what is wanted, what came back. */
  private final class Run {
    private final Map<String, Trace> known = new HashMap<>();
    private final Map<String, Set<String>> linkedIds = new LinkedHashMap<>();
    private final Map<String, List<Span>> queued = new LinkedHashMap<>();
    private final Map<String, FetchResult> reads = new ConcurrentHashMap<>();
    private final Map<String, LinkSearch> searches = new ConcurrentHashMap<>();
    private final List<String> toRead = new ArrayList<>();
    private int readsLeft = MAX_READS;
    private boolean capped;

    Run(List<Trace> traces) {
      traces.forEach(trace -> known.put(trace.traceId(), trace));
      for (Trace trace : traces) {
        Set<String> ids =
            new LinkedHashSet<>(QueuedWork.linkedTraceIds(trace, MAX_LINKED_PER_TRACE));
        linkedIds.put(trace.traceId(), ids);
        ids.forEach(this::want);
        // A search by link names the trace by its normalised ID; backends hand out no other kind.
        List<Span> producers =
            TraceIds.isNormalisedTraceId(trace.traceId())
                ? QueuedWork.producersWithoutConsumer(trace)
                : List.of();
        if (!producers.isEmpty() && queued.size() < MAX_SEARCHES) {
          queued.put(trace.traceId(), producers);
        } else if (!producers.isEmpty()) {
          capped = true;
        }
      }
    }

    /**
     * Takes the trace from what is at hand or the cache, or notes it for the next round's reads.
     */
    private void want(String traceId) {
      if (known.containsKey(traceId)) {
        return;
      }
      Trace cached = cache.trace(traceId);
      if (cached != null) {
        known.put(traceId, cached);
      } else if (readsLeft > 0) {
        readsLeft--;
        toRead.add(traceId);
      } else {
        capped = true;
      }
    }

    List<Runnable> firstRound() {
      List<Runnable> tasks = reads();
      for (String traceId : queued.keySet()) {
        LinkQuery query = query(traceId);
        tasks.add(() -> searches.put(traceId, backend.searchLinkingTo(query)));
      }
      return tasks;
    }

    /** Takes in the first round, then returns the reads of what the searches named. */
    List<Runnable> secondRound() {
      absorbReads();
      // In the lookup's order, so which reads the cap leaves out does not depend on timing.
      for (String traceId : queued.keySet()) {
        LinkSearch result = searches.get(traceId);
        if (result instanceof LinkSearch.Found found) {
          for (TraceRef ref : found.traces()) {
            linkedIds.get(traceId).add(ref.traceId());
            ref.trace().ifPresentOrElse(this::keep, () -> want(ref.traceId()));
          }
        }
      }
      return reads();
    }

    private List<Runnable> reads() {
      List<Runnable> tasks = new ArrayList<>();
      toRead.forEach(id -> tasks.add(() -> reads.put(id, backend.fetch(id))));
      toRead.clear();
      return tasks;
    }

    private void absorbReads() {
      reads.forEach(
          (id, result) -> {
            if (result instanceof FetchResult.Fetched fetched) {
              keep(fetched.trace());
            }
          });
    }

    private void keep(Trace trace) {
      if (!trace.spans().isEmpty()) {
        known.putIfAbsent(trace.traceId(), trace);
        cache.putTrace(trace);
      }
    }

    private LinkQuery query(String traceId) {
      Trace trace = known.get(traceId);
      long start = trace.spans().stream().mapToLong(Span::startEpochNanos).min().orElse(0);
      long end = trace.spans().stream().mapToLong(Span::endEpochNanos).max().orElse(start);
      return new LinkQuery(
          traceId,
          Instant.ofEpochSecond(0, start).minus(BEFORE_TRACE),
          Instant.ofEpochSecond(0, end).plus(QUEUE_HORIZON),
          MAX_CONSUMERS_PER_TRACE);
    }

    Map<String, List<Trace>> linked() {
      absorbReads();
      Map<String, List<Trace>> linked = new HashMap<>();
      linkedIds.forEach(
          (traceId, ids) -> {
            List<Trace> found = new ArrayList<>();
            ids.stream()
                .filter(id -> !id.equals(traceId))
                .map(known::get)
                .filter(trace -> trace != null)
                .forEach(found::add);
            if (!found.isEmpty()) {
              linked.put(traceId, List.copyOf(found));
            }
          });
      return linked;
    }

    List<String> warnings(boolean inTime) {
      List<String> warnings = new ArrayList<>(LinkWarnings.ofSearches(searches, queued));
      LinkWarnings.ofReads(reads.values()).ifPresent(warnings::add);
      if (!inTime) {
        warnings.add(
            "Not every span link could be followed in time: queued work, or the request that queued"
                + " it, may be missing.");
      }
      if (capped) {
        warnings.add(
            "Span links were followed for the first traces only (at most "
                + MAX_SEARCHES
                + " searches by link and "
                + MAX_READS
                + " linked traces per lookup).");
      }
      return warnings;
    }
  }
}
