package dev.tracelookup.backend.zipkin;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The demo write-up's lookup, run through the bot's pipeline against any backend: {@code
 * usr_k8x9m2} on 2026-02-06 between 14:00 and 14:30 UTC, printed as the text card.
 */
final class DemoLookups {
  static final String USER = "usr_k8x9m2";
  static final String WRITE_UP_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");
  static final List<String> USER_KEYS = List.of("user.id", "enduser.id");

  private DemoLookups() {}

  /** Opens the demo directory with the file backend. */
  static OtlpFileBackend fileBackend() throws IOException {
    return OtlpFileBackend.open(
        Path.of("config", "demo"), USER_KEYS, Optional.empty(), "demo files");
  }

  /** Returns every trace of the demo user on the write-up's day, whole. */
  static List<Trace> tracesOfTheDay(OtlpFileBackend files) {
    TraceQuery day =
        new TraceQuery(
            USER,
            Instant.parse("2026-02-06T00:00:00Z"),
            Instant.parse("2026-02-07T00:00:00Z"),
            Optional.empty(),
            Optional.empty(),
            false,
            1_000);
    SearchResult result = files.search(day);
    return ((SearchResult.Found) result)
        .traces().stream()
            .map(TraceRef::trace)
            .map(Optional::orElseThrow)
            .collect(Collectors.toList());
  }

  /** Returns the text card of the write-up's lookup through the backend. */
  static String lookupText(TraceBackend backend) {
    Clock clock = Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
    LookupCache cache =
        new LookupCache(
            100,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            1_000_000,
            Duration.ofHours(1),
            clock,
            Ticker.disabledTicker(),
            Runnable::run);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      TraceLookup lookup = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(30));
      LookupRequest request =
          new LookupRequest(
              USER,
              new TimeWindow(FROM, TO, ZoneOffset.UTC, "test"),
              Optional.empty(),
              Optional.empty(),
              false);
      return new LookupPresenter(new CardRenderer(), backend.displayName())
          .presentText(lookup.lookup(request, false), ZoneOffset.UTC);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Returns the card's error path of the write-up trace: from its {@code Trace 4bf92f35…} line to
   * {@code Root cause:}.
   */
  static List<String> errorPath(String card) {
    List<String> lines = card.lines().collect(Collectors.toList());
    int first = indexOf(lines, "Trace " + WRITE_UP_TRACE.substring(0, 8));
    int last = indexOf(lines.subList(first, lines.size()), "Root cause:") + first;
    return lines.subList(first, last + 1);
  }

  private static int indexOf(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(
        "no line starts with '" + prefix + "' in:\n" + String.join("\n", lines));
  }

  /**
   * The file backend as Zipkin would show its traces, under the given name: span and service names
   * lower-cased, the one difference Zipkin's storage makes.
   */
  static TraceBackend lowerCasedNames(TraceBackend files, String displayName) {
    return new TraceBackend() {
      @Override
      public String displayName() {
        return displayName;
      }

      @Override
      public SearchResult search(TraceQuery query) {
        SearchResult result = files.search(query);
        if (result instanceof SearchResult.Failed) {
          return result;
        }
        SearchResult.Found found = (SearchResult.Found) result;
        return new SearchResult.Found(
            found.traces().stream()
                .map(ref -> new TraceRef(ref.traceId(), ref.trace().map(DemoLookups::lowerCased)))
                .collect(Collectors.toList()),
            found.warnings());
      }

      @Override
      public FetchResult fetch(String traceId) {
        FetchResult result = files.fetch(traceId);
        return result instanceof FetchResult.Fetched fetched
            ? new FetchResult.Fetched(lowerCased(fetched.trace()), false)
            : result;
      }

      @Override
      public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
        return files.traceUrl(traceId, focusSpanId);
      }
    };
  }

  private static Trace lowerCased(Trace trace) {
    return new Trace(
        trace.traceId(),
        trace.spans().stream()
            .map(
                span ->
                    new Span(
                        span.traceId(),
                        span.spanId(),
                        span.parentSpanId(),
                        span.service().toLowerCase(Locale.ROOT),
                        span.name().toLowerCase(Locale.ROOT),
                        span.kind(),
                        span.startEpochNanos(),
                        span.durationNanos(),
                        span.status(),
                        span.attributes(),
                        span.events()))
            .collect(Collectors.toList()));
  }
}
