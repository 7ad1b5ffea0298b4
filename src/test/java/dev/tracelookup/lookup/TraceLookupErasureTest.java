package dev.tracelookup.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.privacy.AttributePolicy;
import dev.tracelookup.privacy.Redactor;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Erasure requests: after {@link TraceLookup#erase}, nothing cached about the customer remains. */
final class TraceLookupErasureTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final String OTHER = "usr_other1";
  private static final String OTHER_TRACE = "00000000000000000000000000000def";

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
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
          () -> 0L,
          Runnable::run);
  private final TraceLookup lookup =
      new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(5));

  @AfterEach
  void stop() {
    backend.gate.countDown();
    pool.shutdownNow();
  }

  private static LookupRequest request(String userId) {
    return new LookupRequest(
        userId,
        new TimeWindow(
            Instant.parse("2026-02-06T14:02:00Z"),
            Instant.parse("2026-02-06T14:32:00Z"),
            ZoneOffset.UTC,
            "test"),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  private static Trace traceOf(String traceId, String userId) {
    Span s = TestSpans.span("a").server().name("GET /orders").attribute("user.id", userId).build();
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
  void erase_afterLookup_dropsTheLookupAndItsTracesSoTheNextLookupAsksTheBackendAgain() {
    backend.add(TestSpans.orderPaymentFailure());
    lookup.lookup(request(CUSTOMER), false);

    TraceLookup.Erasure erasure = lookup.erase(CUSTOMER);
    LookupOutcome again = lookup.lookup(request(CUSTOMER), false);

    assertThat(erasure).isEqualTo(new TraceLookup.Erasure(1, 0, 1));
    assertThat(((LookupOutcome.Found) again).fromCache()).isFalse();
    assertThat(backend.searches.get()).isEqualTo(2);
    assertThat(backend.fetches.get()).isEqualTo(2);
    assertThat(cache.lookupCount()).isEqualTo(1);
  }

  @Test
  void erase_keepsOtherCustomersLookupsAndTraces() {
    backend.add(traceOf(OTHER_TRACE, OTHER));
    lookup.lookup(request(OTHER), false);

    TraceLookup.Erasure erasure = lookup.erase(CUSTOMER);

    assertThat(erasure).isEqualTo(new TraceLookup.Erasure(0, 0, 0));
    assertThat(cache.lookupCount()).isEqualTo(1);
    assertThat(cache.trace(OTHER_TRACE)).isNotNull();
  }

  @Test
  void erase_traceCachedByShowTrace_isDroppedBecauseItsSpansCarryTheId() {
    backend.add(traceOf(TestSpans.TRACE_ID, CUSTOMER)).add(traceOf(OTHER_TRACE, OTHER));
    lookup.trace(TestSpans.TRACE_ID);
    lookup.trace(OTHER_TRACE);

    TraceLookup.Erasure erasure = lookup.erase(CUSTOMER);

    assertThat(erasure.traces()).isEqualTo(1);
    assertThat(cache.trace(TestSpans.TRACE_ID)).isNull();
    assertThat(cache.trace(OTHER_TRACE)).isNotNull();
  }

  @Test
  void erase_withHashedIds_dropsTracesCarryingTheStoredHash() {
    UserIdHasher hasher =
        UserIdHasher.hmac("key".getBytes(StandardCharsets.UTF_8), UserIdHasher.Format.HEX, "");
    TraceLookup hashing =
        new TraceLookup(
            backend,
            cache,
            pool,
            20,
            4,
            Duration.ofSeconds(5),
            hasher,
            AttributePolicy.defaults(new Redactor()),
            Telemetry.noop(),
            UserIdFingerprint.randomKey());
    backend.add(traceOf(TestSpans.TRACE_ID, hasher.stored(CUSTOMER)));
    hashing.trace(TestSpans.TRACE_ID);

    TraceLookup.Erasure erasure = hashing.erase(CUSTOMER);

    assertThat(erasure.traces()).isEqualTo(1);
    assertThat(cache.trace(TestSpans.TRACE_ID)).isNull();
  }

  @Test
  void erase_whileLookupRuns_dropsItNowAndItsTracesWhenItEnds() throws Exception {
    backend.add(TestSpans.orderPaymentFailure());
    backend.gate = new CountDownLatch(1);
    CompletableFuture<LookupOutcome> running =
        CompletableFuture.supplyAsync(() -> lookup.lookup(request(CUSTOMER), false), pool);
    awaitSearchStarted();

    LookupCache.Erased erased = cache.erase(UserIdFingerprint.digest(CUSTOMER), trace -> false);
    backend.gate.countDown();
    LookupOutcome answered = running.get();
    erased.settled().get(5, TimeUnit.SECONDS);

    assertThat(erased.lookups()).isEqualTo(1);
    assertThat(erased.inFlight()).isEqualTo(1);
    assertThat(answered).isInstanceOf(LookupOutcome.Found.class);
    assertThat(cache.lookupCount()).isZero();
    assertThat(cache.trace(TestSpans.TRACE_ID)).isNull();
  }

  /** Waits for the search to reach the backend's gate, by polling a counter the backend sets. */
  private void awaitSearchStarted() {
    while (backend.searches.get() == 0) {
      Thread.onSpinWait();
    }
  }
}
