package dev.tracelookup.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pages of a lookup's traces, 10 a page over 25 traces: page 1 reads what a lookup always read;
 * later pages read only their own traces, when asked; no trace is on two pages; a page read once
 * comes from the cache, in the same order.
 */
final class TraceLookupPagesTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final Instant T0 = TestSpans.T0;
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final InMemoryBackend backend = new InMemoryBackend();
  private final LookupCache cache =
      new LookupCache(
          100,
          Duration.ofMinutes(1),
          Duration.ofHours(1),
          Duration.ofMinutes(10),
          1_000_000,
          Duration.ofHours(1),
          clock,
          ticker,
          Runnable::run);
  private final TraceLookup lookup =
      new TraceLookup(backend, cache, pool, 10, 4, Duration.ofSeconds(5));
  private final LookupRequest request =
      new LookupRequest(
          "usr_k8x9m2",
          new TimeWindow(
              T0.minus(Duration.ofMinutes(20)),
              T0.plus(Duration.ofMinutes(20)),
              ZoneOffset.UTC,
              "test",
              Optional.of(T0)),
          Optional.empty(),
          Optional.empty(),
          false);

  TraceLookupPagesTest() {
    for (int n = 1; n <= 25; n++) {
      backend.add(trace(n));
    }
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void lookup_moreTracesThanAPage_readsOnlyTheFirstPageAndSaysMoreFollow() {
    LookupOutcome.Found first = found(lookup.lookup(request, false));

    assertThat(first.traces()).hasSize(10);
    assertThat(first.page()).isEqualTo(new LookupOutcome.Page(1, true));
    assertThat(backend.fetches.get()).isEqualTo(10);
  }

  @Test
  void page_laterPages_readOnlyTheirOwnTracesAndNoTraceIsOnTwoPages() {
    LookupOutcome.Found first = found(lookup.lookup(request, false));
    LookupOutcome.Found second = found(lookup.page(request, 2, tracker()));
    int afterSecond = backend.fetches.get();
    LookupOutcome.Found third = found(lookup.page(request, 3, tracker()));

    assertThat(afterSecond).isEqualTo(20);
    assertThat(backend.fetches.get()).isEqualTo(25);
    assertThat(second.page()).isEqualTo(new LookupOutcome.Page(2, true));
    assertThat(third.page()).isEqualTo(new LookupOutcome.Page(3, false));
    Set<String> all = new HashSet<>();
    for (LookupOutcome.Found page : List.of(first, second, third)) {
      assertThat(ids(page)).allSatisfy(id -> assertThat(all.add(id)).as(id).isTrue());
    }
    assertThat(all).hasSize(25);
  }

  @Test
  void page_readBefore_comesFromTheCacheInTheSameOrderWithoutBackendCalls() {
    List<String> first = ids(found(lookup.lookup(request, false)));
    List<String> second = ids(found(lookup.page(request, 2, tracker())));
    int searches = backend.searches.get();
    int fetches = backend.fetches.get();

    LookupOutcome.Found secondAgain = found(lookup.page(request, 2, tracker()));
    LookupOutcome.Found firstAgain = found(lookup.page(request, 1, tracker()));

    assertThat(ids(secondAgain)).isEqualTo(second);
    assertThat(ids(firstAgain)).isEqualTo(first);
    assertThat(secondAgain.fromCache()).isTrue();
    assertThat(backend.searches.get()).isEqualTo(searches);
    assertThat(backend.fetches.get()).isEqualTo(fetches);
  }

  @Test
  void page_eachPage_isRankedFailuresFirstThenNearestTheStatedMoment() {
    LookupOutcome.Found second = found(lookup.page(request, 2, tracker()));

    List<TraceCard> traces = second.traces();
    assertThat(traces.get(0).analysis().summary().hasError()).isTrue();
    assertThat(traces).isEqualTo(TraceRanking.rank(traces, T0));
  }

  @Test
  void page_pastTheLastPage_answersTheLastPageThereIs() {
    LookupOutcome.Found last = found(lookup.page(request, TraceLookup.MAX_PAGES, tracker()));

    assertThat(last.page()).isEqualTo(new LookupOutcome.Page(3, false));
    assertThat(last.traces()).hasSize(5);
  }

  @Test
  void refresh_dropsTheLaterPagesToo() {
    lookup.lookup(request, false);
    lookup.page(request, 2, tracker());
    int searches = backend.searches.get();

    lookup.lookup(request, true);
    lookup.page(request, 2, tracker());

    assertThat(backend.searches.get()).isEqualTo(searches + 2);
  }

  @Test
  void lookup_progress_countsTheTracesFoundAndRead() {
    LookupProgress.Tracker progress = LookupProgress.Tracker.of("memory");

    lookup.lookup(request, false, progress);

    assertThat(progress.now()).isEqualTo(new LookupProgress("memory", 10, 10));
  }

  private static LookupProgress.Tracker tracker() {
    return LookupProgress.Tracker.ignored();
  }

  private static LookupOutcome.Found found(LookupOutcome outcome) {
    assertThat(outcome).isInstanceOf(LookupOutcome.Found.class);
    return (LookupOutcome.Found) outcome;
  }

  private static List<String> ids(LookupOutcome.Found page) {
    List<String> ids = new ArrayList<>();
    page.traces().forEach(card -> ids.add(card.analysis().summary().traceId()));
    return ids;
  }

  /** Trace {@code n}, {@code n} minutes after T0 less 12; every fourth a 500. */
  private static Trace trace(int n) {
    String traceId = String.format("%032x", 0xf00L + n);
    Span span =
        TestSpans.span("a")
            .traceId(traceId)
            .server()
            .name("GET /api/v1/orders")
            .http(n % 4 == 0 ? 500 : 200)
            .at(60_000L * (n - 12))
            .build();
    return new Trace(traceId, List.of(span));
  }
}
