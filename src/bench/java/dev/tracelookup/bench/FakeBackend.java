package dev.tracelookup.bench;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An in-process backend that answers like Tempo (a search names trace IDs, each trace is fetched)
 * after a fixed latency, and counts its calls, so that what the bot adds on top can be measured.
 */
final class FakeBackend implements TraceBackend {
  private static final OtlpJsonReader READER = new OtlpJsonReader(Set.of("user.id"));

  private final Map<String, Trace> traces = new LinkedHashMap<>();
  private final Duration searchLatency;
  private final Duration fetchLatency;
  private final AtomicInteger searches = new AtomicInteger();

  /** Holds {@code traceCount} traces of {@code spansEach} spans, each with a failing leaf. */
  FakeBackend(int traceCount, int spansEach, Duration searchLatency, Duration fetchLatency)
      throws OtlpFormatException {
    for (int i = 0; i < traceCount; i++) {
      String traceId = String.format("%032x", 0x4bf92f35L + i);
      traces.put(traceId, new Trace(traceId, READER.readAll(OtlpTraceJson.of(spansEach, traceId))));
    }
    this.searchLatency = searchLatency;
    this.fetchLatency = fetchLatency;
  }

  int searches() {
    return searches.get();
  }

  List<String> traceIds() {
    return List.copyOf(traces.keySet());
  }

  @Override
  public String displayName() {
    return "in-process fake";
  }

  @Override
  public SearchResult search(TraceQuery query) {
    searches.incrementAndGet();
    LockSupport.parkNanos(searchLatency.toNanos());
    List<TraceRef> refs = new ArrayList<>();
    traces.keySet().forEach(id -> refs.add(new TraceRef(id, Optional.empty())));
    return new SearchResult.Found(refs, List.of());
  }

  @Override
  public FetchResult fetch(String traceId) {
    LockSupport.parkNanos(fetchLatency.toNanos());
    Trace trace = traces.get(traceId);
    return trace == null
        ? new FetchResult.NotFound(traceId)
        : new FetchResult.Fetched(trace, false);
  }

  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    return Optional.of("https://grafana.example/explore?trace=" + traceId);
  }
}
