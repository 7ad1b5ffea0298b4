package dev.tracelookup.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TraceLookupTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
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
      new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    backend.gate.countDown();
    pool.shutdownNow();
  }

  private static LookupRequest request(String from, String to) {
    return new LookupRequest(
        "usr_k8x9m2",
        new TimeWindow(Instant.parse(from), Instant.parse(to), ZoneOffset.UTC, "test"),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  private static Trace okTrace(String traceId, long millisAfterT0) {
    Span s =
        TestSpans.span("a").server().name("GET /api/v1/orders").http(200).at(millisAfterT0).build();
    return new Trace(
        traceId,
        List.of(
            new Span(
                traceId,
                s.spanId(),
                s.parentSpanId(),
                s.service(),
                s.name(),
                s.kind(),
                s.startEpochNanos(),
                s.durationNanos(),
                s.status(),
                s.attributes(),
                s.events())));
  }

  @Test
  void lookup_idsOnlySearch_fetchesEachTraceAndPutsFailingFirst() {
    backend
        .add(TestSpans.orderPaymentFailure())
        .add(okTrace("00000000000000000000000000000abc", 60_000));

    LookupOutcome outcome =
        lookup.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(outcome).isInstanceOf(LookupOutcome.Found.class);
    List<TraceCard> cards = ((LookupOutcome.Found) outcome).traces();
    assertThat(cards)
        .extracting(card -> card.analysis().summary().traceId())
        .containsExactly(TestSpans.TRACE_ID, "00000000000000000000000000000abc");
    assertThat(cards.get(0).uiUrl()).hasValueSatisfying(url -> assertThat(url).contains("?span="));
    assertThat(backend.fetches.get()).isEqualTo(2);
  }

  @Test
  void lookup_sameQueryTwice_secondComesFromCacheWithoutBackendCalls() {
    backend.add(TestSpans.orderPaymentFailure());
    LookupRequest request = request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z");

    lookup.lookup(request, false);
    LookupOutcome second = lookup.lookup(request, false);

    assertThat(((LookupOutcome.Found) second).fromCache()).isTrue();
    assertThat(backend.searches.get()).isEqualTo(1);
    assertThat(backend.fetches.get()).isEqualTo(1);
  }

  @Test
  void lookup_refresh_asksTheBackendAgain() {
    backend.add(TestSpans.orderPaymentFailure());
    LookupRequest request = request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z");

    lookup.lookup(request, false);
    LookupOutcome refreshed = lookup.lookup(request, true);

    assertThat(((LookupOutcome.Found) refreshed).fromCache()).isFalse();
    assertThat(backend.searches.get()).isEqualTo(2);
  }

  @Test
  void lookup_hundredConcurrentIdenticalLookups_makeOneSearch() throws Exception {
    backend.add(TestSpans.orderPaymentFailure());
    backend.gate = new CountDownLatch(1);
    LookupRequest request = request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z");
    List<Future<LookupOutcome>> outcomes = new ArrayList<>();

    for (int i = 0; i < 100; i++) {
      outcomes.add(pool.submit(() -> lookup.lookup(request, false)));
    }
    while (cache.lookupStats().requestCount() < 100) {
      Thread.onSpinWait();
    }
    backend.gate.countDown();

    for (Future<LookupOutcome> outcome : outcomes) {
      assertThat(outcome.get()).isInstanceOf(LookupOutcome.Found.class);
    }
    assertThat(backend.searches.get()).isEqualTo(1);
  }

  @Test
  void lookup_runsOnTheCallersThread_soAWaitingLookupHoldsOneThread() {
    backend.add(TestSpans.orderPaymentFailure());

    lookup.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(backend.searchThreads).containsExactly(Thread.currentThread());
    assertThat(backend.fetchThreads).containsExactly(Thread.currentThread());
  }

  @Test
  void lookup_budgetSpentOnABackendThatIgnoresIt_leavesTheCallersThreadUninterrupted() {
    backend.gate = new CountDownLatch(1);
    TraceLookup impatient = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofMillis(100));

    LookupOutcome outcome =
        impatient.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(outcome).isInstanceOf(LookupOutcome.Failed.class);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void lookup_recentWindow_expiresAfterTheShortTtl() {
    backend.add(TestSpans.orderPaymentFailure());
    LookupRequest recent = request("2026-02-07T09:30:00Z", "2026-02-07T09:58:00Z");
    // Searching on the calling thread: the cache then stamps the entry's expiry before the ticker
    // moves, where a pool thread might stamp it after (and the entry would outlive the test's TTL).
    TraceLookup direct =
        new TraceLookup(backend, cache, Runnable::run, 20, 4, Duration.ofSeconds(5));

    direct.lookup(recent, false);
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    direct.lookup(recent, false);

    assertThat(backend.searches.get()).isEqualTo(2);
  }

  @Test
  void lookup_settledWindow_outlivesTheShortTtl() {
    backend.add(TestSpans.orderPaymentFailure());
    LookupRequest settled = request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z");

    lookup.lookup(settled, false);
    nanos.addAndGet(Duration.ofMinutes(30).toNanos());
    lookup.lookup(settled, false);

    assertThat(backend.searches.get()).isEqualTo(1);
  }

  @Test
  void lookup_backendFails_failureIsNotCached() {
    backend.searchFailure =
        BackendFailure.of(BackendFailure.Kind.UNREACHABLE, "memory", "connection refused");
    LookupRequest request = request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z");

    LookupOutcome first = lookup.lookup(request, false);
    backend.searchFailure = null;
    backend.add(TestSpans.orderPaymentFailure());
    LookupOutcome second = lookup.lookup(request, false);

    assertThat(first).isInstanceOf(LookupOutcome.Failed.class);
    assertThat(second).isInstanceOf(LookupOutcome.Found.class);
  }

  @Test
  void lookup_oneFetchFails_showsTheRestAsPartial() {
    backend
        .add(TestSpans.orderPaymentFailure())
        .add(okTrace("00000000000000000000000000000abc", 60_000));
    backend.fetchFailures.put(
        "00000000000000000000000000000abc",
        BackendFailure.of(BackendFailure.Kind.SERVER_ERROR, "memory", "GET /trace failed: 503"));

    LookupOutcome outcome =
        lookup.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    LookupOutcome.Found found = (LookupOutcome.Found) outcome;
    assertThat(found.traces()).hasSize(1);
    assertThat(found.warnings())
        .singleElement()
        .asString()
        .startsWith("Partial results: 1 trace could not be read.");
  }

  @Test
  void lookup_traceVanishesBetweenSearchAndFetch_saysSo() {
    backend.add(TestSpans.orderPaymentFailure());
    backend.vanishOnFetch = true;

    LookupOutcome outcome =
        lookup.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            LookupOutcome.NoTraces.class,
            none ->
                assertThat(none.warnings())
                    .singleElement()
                    .asString()
                    .contains("disappeared from memory"));
  }

  @Test
  void lookup_backendSlowerThanBudget_answersTimeoutInTime() {
    backend.gate = new CountDownLatch(1);
    TraceLookup impatient = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofMillis(200));

    LookupOutcome outcome =
        impatient.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            LookupOutcome.Failed.class,
            failed -> assertThat(failed.failure().kind()).isEqualTo(BackendFailure.Kind.TIMEOUT));
  }

  @Test
  void lookup_bugBelowTheLookup_isInternalNotAnAnswerTheBackendGotWrong() {
    backend.searchBug = new IllegalStateException("a bug");

    LookupOutcome outcome =
        lookup.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            LookupOutcome.Failed.class,
            failed -> {
              assertThat(failed.failure().kind()).isEqualTo(BackendFailure.Kind.INTERNAL);
              assertThat(failed.failure().userMessage())
                  .contains("this is a bug")
                  .doesNotContain("could not read");
            });
  }

  @Test
  void lookup_windowWidenedToWholeMinutes_sharesTheCacheEntry() {
    backend.add(TestSpans.orderPaymentFailure());

    lookup.lookup(request("2026-02-06T14:02:10Z", "2026-02-06T14:31:50Z"), false);
    LookupOutcome second =
        lookup.lookup(request("2026-02-06T14:02:40Z", "2026-02-06T14:31:20Z"), false);

    assertThat(second.request().window().from()).isEqualTo(Instant.parse("2026-02-06T14:02:00Z"));
    assertThat(second.request().window().to()).isEqualTo(Instant.parse("2026-02-06T14:32:00Z"));
    assertThat(backend.searches.get()).isEqualTo(1);
  }

  @Test
  void trace_unknownId_isMissing() {
    assertThat(lookup.trace("ffff")).isInstanceOf(TraceLookup.TraceResult.Missing.class);
    assertThat(lookup.trace("not-an-id")).isInstanceOf(TraceLookup.TraceResult.Missing.class);
  }

  @Test
  void lookup_secretsInTheTrace_neverReachTheCard() {
    Trace leaky =
        TestSpans.trace(
            TestSpans.span("a")
                .server()
                .name("POST /login for jane@acme.io")
                .http(500)
                .error("bad password=hunter2")
                .build(),
            TestSpans.span("b")
                .parent("a")
                .client()
                .name("charge 4242 4242 4242 4242")
                .http(502)
                .error("")
                .exception(
                    "CardError",
                    "card 4242424242424242 declined for jane@acme.io",
                    "at a.b(c.java:1)")
                .build());
    backend.add(leaky);

    LookupOutcome outcome =
        lookup.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    String shown = ((LookupOutcome.Found) outcome).traces().get(0).analysis().toString();
    assertThat(shown)
        .contains("CardError")
        .doesNotContain("jane@acme.io")
        .doesNotContain("hunter2")
        .doesNotContain("4242 4242 4242 4242")
        .doesNotContain("4242424242424242");
  }

  @Test
  void lookup_servicesStoreHashedIds_searchesForTheKeyedHashNotTheTypedId() {
    dev.tracelookup.privacy.UserIdHasher hasher =
        dev.tracelookup.privacy.UserIdHasher.hmac(
            "k3y".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            dev.tracelookup.privacy.UserIdHasher.Format.HEX,
            "");
    TraceLookup hashing =
        new TraceLookup(
            backend,
            cache,
            pool,
            20,
            4,
            Duration.ofSeconds(5),
            hasher,
            dev.tracelookup.privacy.AttributePolicy.defaults(
                new dev.tracelookup.privacy.Redactor()),
            dev.tracelookup.telemetry.Telemetry.noop(),
            dev.tracelookup.privacy.UserIdFingerprint.randomKey());

    hashing.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    assertThat(backend.lastSearchedUser)
        .isEqualTo(hasher.stored("usr_k8x9m2"))
        .doesNotContain("usr_k8x9m2")
        .hasSize(64);
  }

  @Test
  void lookup_configuredCardAttributes_showOnlyThoseAndWhatTheAnalysisReads() {
    backend.add(
        TestSpans.trace(
            TestSpans.span("a")
                .server()
                .name("POST /orders")
                .http(500)
                .error("failed")
                .attribute("tenant.tier", "gold")
                .attribute("user_agent.original", "curl/8")
                .attribute("user.id", "usr_k8x9m2")
                .build()));
    dev.tracelookup.privacy.AttributePolicy onlyTier =
        new dev.tracelookup.privacy.AttributePolicy(
            List.of("tenant.tier"), new dev.tracelookup.privacy.Redactor());
    TraceLookup configured =
        new TraceLookup(
            backend,
            cache,
            pool,
            20,
            4,
            Duration.ofSeconds(5),
            dev.tracelookup.privacy.UserIdHasher.identity(),
            onlyTier,
            dev.tracelookup.telemetry.Telemetry.noop(),
            dev.tracelookup.privacy.UserIdFingerprint.randomKey());

    LookupOutcome outcome =
        configured.lookup(request("2026-02-06T14:02:00Z", "2026-02-06T14:32:00Z"), false);

    Span shown =
        ((LookupOutcome.Found) outcome)
            .traces()
            .get(0)
            .analysis()
            .errorPath()
            .orElseThrow()
            .culprit()
            .span();
    assertThat(shown.attributes().values())
        .containsEntry("tenant.tier", "gold")
        .containsKey("http.response.status_code")
        .doesNotContainKey("user_agent.original")
        .doesNotContainKey("user.id");
  }
}
