package dev.tracelookup.lookup;

import static dev.tracelookup.trace.TestSpans.id;
import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.Trigger;
import dev.tracelookup.trace.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lookups that follow span links. The customer's order was accepted (202) and queued a message; its
 * consumer ran in a trace of its own, linking back to the producer span, and failed:
 *
 * <pre>
 * PRODUCER  1 POST /api/v1/orders   order-svc   SERVER 202   user.id=usr_k8x9m2   0–40 ms
 *           └── 2 orders publish    order-svc   PRODUCER                          10 ms
 *                   ▲ link
 * CONSUMER  7 orders process        fulfilment  CONSUMER ERROR                    500 ms
 *           └── 8 POST inventory/reserve        CLIENT 503 ERROR  exception: …jane.doe@example.com…
 * </pre>
 *
 * Which trace carries the user ID decides the direction: on the producer, the consumer is found by
 * searching by link and hung under the producer; on the consumer, the producer is read by ID and
 * named as the trigger.
 */
final class TraceLookupLinksTest {
  private static final String USER = "usr_k8x9m2";
  private static final String PRODUCER = TestSpans.TRACE_ID;
  private static final String CONSUMER = "0af7651916cd43dd8448eb211c80319c";
  private static final String EMAIL = "jane.doe@example.com";

  @TempDir Path directory;

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Clock clock = Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
  private final LookupCache cache =
      new LookupCache(
          100,
          Duration.ofMinutes(1),
          Duration.ofHours(1),
          Duration.ofMinutes(10),
          1_000_000,
          Duration.ofHours(1),
          clock,
          Ticker.systemTicker(),
          Runnable::run);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static Trace producer(boolean carriesUser) {
    Span order =
        span("1")
            .service("order-svc")
            .name("POST /api/v1/orders")
            .server()
            .lasting(40)
            .http(202)
            .build();
    if (carriesUser) {
      order =
          span("1")
              .service("order-svc")
              .name("POST /api/v1/orders")
              .server()
              .lasting(40)
              .http(202)
              .attribute("user.id", USER)
              .build();
    }
    return new Trace(
        PRODUCER,
        List.of(
            order,
            span("2")
                .parent("1")
                .service("order-svc")
                .name("orders publish")
                .producer()
                .at(10)
                .lasting(5)
                .build()));
  }

  private static Trace consumer(boolean carriesUser) {
    TestSpans.Builder process =
        span("7")
            .traceId(CONSUMER)
            .service("fulfilment")
            .name("orders process")
            .consumer()
            .at(500)
            .lasting(300)
            .error("reservation failed")
            .link(PRODUCER, "2");
    if (carriesUser) {
      process.attribute("user.id", USER);
    }
    return new Trace(
        CONSUMER,
        List.of(
            process.build(),
            span("8")
                .traceId(CONSUMER)
                .parent("7")
                .service("fulfilment")
                .name("POST inventory/reserve")
                .client()
                .at(510)
                .lasting(200)
                .http(503)
                .error("Service Unavailable")
                .exception(
                    "ReservationError",
                    "no stock held for " + EMAIL,
                    "ReservationError\n  at Reserve.call(Reserve.java:7)")
                .build()));
  }

  private OtlpFileBackend files(Trace... traces) throws IOException {
    for (Trace trace : traces) {
      Files.writeString(
          directory.resolve(trace.traceId() + ".jsonl"), OtlpLines.line(trace.spans()) + "\n");
    }
    return OtlpFileBackend.open(directory, List.of("user.id"), Optional.empty(), "demo files");
  }

  private TraceLookup lookup(TraceBackend backend) {
    return new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(10));
  }

  private static LookupRequest request() {
    return new LookupRequest(
        USER,
        new TimeWindow(
            Instant.parse("2026-02-06T14:02:00Z"),
            Instant.parse("2026-02-06T14:32:00Z"),
            ZoneOffset.UTC,
            "test"),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  private static LookupOutcome.Found found(LookupOutcome outcome) {
    assertThat(outcome).isInstanceOf(LookupOutcome.Found.class);
    return (LookupOutcome.Found) outcome;
  }

  @Test
  void
      lookup_producerWhoseConsumerFailedInItsOwnTrace_isAnAsynchronousFailureWithTheCulpritInTheConsumer()
          throws IOException {
    TraceLookup lookup = lookup(files(producer(true), consumer(false)));

    LookupOutcome.Found outcome = found(lookup.lookup(request(), false));

    assertThat(outcome.traces()).hasSize(1);
    TraceAnalysis analysis = outcome.traces().get(0).analysis();
    assertThat(analysis.summary().traceId()).isEqualTo(PRODUCER);
    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().asynchronous()).isTrue();
    assertThat(analysis.linkedTraces()).isEqualTo(1);
    PathStep culprit = analysis.errorPath().orElseThrow().culprit();
    assertThat(culprit.span().traceId()).isEqualTo(CONSUMER);
    assertThat(culprit.span().spanId()).isEqualTo(id("8"));
    assertThat(outcome.warnings()).isEmpty();
  }

  @Test
  void lookup_linkedTrace_isRedactedBeforeTheAnalysisReadsIt() throws IOException {
    TraceLookup lookup = lookup(files(producer(true), consumer(false)));

    TraceAnalysis analysis = found(lookup.lookup(request(), false)).traces().get(0).analysis();

    Optional<ExceptionInfo> exception = analysis.errorPath().orElseThrow().culprit().exception();
    assertThat(exception).isPresent();
    assertThat(exception.get().toString()).doesNotContain(EMAIL).contains("no stock held for");
  }

  @Test
  void lookup_consumerLinkingToItsProducer_namesTheProducersRequestAsTheTrigger()
      throws IOException {
    TraceLookup lookup = lookup(files(producer(false), consumer(true)));

    LookupOutcome.Found outcome = found(lookup.lookup(request(), false));

    TraceAnalysis analysis = outcome.traces().get(0).analysis();
    assertThat(analysis.summary().traceId()).isEqualTo(CONSUMER);
    assertThat(analysis.trigger()).map(Trigger::traceId).hasValue(PRODUCER);
    assertThat(analysis.trigger()).map(Trigger::name).hasValue("POST /api/v1/orders");
    assertThat(analysis.trigger()).map(Trigger::service).hasValue("order-svc");
    assertThat(outcome.warnings()).isEmpty();
  }

  @Test
  void lookup_linkedTraces_areCachedLikeAnyTrace() throws IOException {
    TraceLookup lookup = lookup(files(producer(true), consumer(false)));

    lookup.lookup(request(), false);

    assertThat(cache.trace(CONSUMER)).isNotNull();
  }

  @Test
  void trace_showTrace_followsLinksTheSameWay() throws IOException {
    TraceLookup lookup = lookup(files(producer(true), consumer(false)));

    TraceLookup.TraceResult result = lookup.trace(PRODUCER);

    assertThat(result).isInstanceOf(TraceLookup.TraceResult.Shown.class);
    TraceCard card = ((TraceLookup.TraceResult.Shown) result).card();
    assertThat(card.analysis().linkedTraces()).isEqualTo(1);
    assertThat(card.analysis().verdict().asynchronous()).isTrue();
  }

  @Test
  void lookup_backendThatCannotSearchByLink_warnsThatQueuedWorkMayBeMissing() {
    InMemoryBackend jaegerLike =
        new InMemoryBackend().add(producer(true)).addUnsearched(consumer(false));
    jaegerLike.name = "Jaeger";

    LookupOutcome.Found outcome = found(lookup(jaegerLike).lookup(request(), false));

    assertThat(outcome.warnings())
        .containsExactly(
            "This trace queued work (orders publish), but work that ran in"
                + " a trace of its own is not shown. Jaeger cannot search by span link.");
    assertThat(outcome.traces().get(0).analysis().verdict().kind())
        .isEqualTo(Verdict.Kind.SUCCEEDED);
  }

  @Test
  void lookup_jaegerLikeBackendAndACustomerConsumer_stillReadsTheProducerById() {
    InMemoryBackend jaegerLike =
        new InMemoryBackend().add(consumer(true)).addUnsearched(producer(false));
    jaegerLike.name = "Jaeger";

    LookupOutcome.Found outcome = found(lookup(jaegerLike).lookup(request(), false));

    assertThat(outcome.traces().get(0).analysis().trigger())
        .map(Trigger::traceId)
        .hasValue(PRODUCER);
    assertThat(outcome.warnings()).isEmpty();
    assertThat(jaegerLike.linkQueries).isEmpty();
  }

  @Test
  void lookup_producerWithItsConsumerInTheSameTrace_neitherSearchesNorWarns() {
    Trace sameTrace =
        new Trace(
            PRODUCER,
            List.of(
                producer(true).spans().get(0),
                producer(true).spans().get(1),
                span("9")
                    .parent("2")
                    .service("fulfilment")
                    .name("orders process")
                    .consumer()
                    .at(20)
                    .build()));
    InMemoryBackend jaegerLike = new InMemoryBackend().add(sameTrace);

    LookupOutcome.Found outcome = found(lookup(jaegerLike).lookup(request(), false));

    assertThat(jaegerLike.linkQueries).isEmpty();
    assertThat(outcome.warnings()).isEmpty();
  }

  @Test
  void lookup_searchByLink_looksFromAMinuteBeforeTheTraceToAnHourAfter() {
    InMemoryBackend backend = new InMemoryBackend().add(producer(true));
    backend.linkAnswer = new LinkSearch.Found(List.of());

    lookup(backend).lookup(request(), false);

    assertThat(backend.linkQueries)
        .singleElement()
        .satisfies(
            query -> {
              assertThat(query.traceId()).isEqualTo(PRODUCER);
              assertThat(query.from()).isEqualTo(TestSpans.T0.minus(LinkedTraces.BEFORE_TRACE));
              assertThat(query.to())
                  .isEqualTo(TestSpans.T0.plusMillis(40).plus(LinkedTraces.QUEUE_HORIZON));
              assertThat(query.limit()).isEqualTo(LinkedTraces.MAX_CONSUMERS_PER_TRACE);
            });
  }

  @Test
  void lookup_culpritInALinkedTrace_opensTheCustomersTraceWithoutFocusingASpanItDoesNotHold() {
    InMemoryBackend backend = new InMemoryBackend().add(producer(true));
    backend.linkAnswer = new LinkSearch.Found(List.of(TraceRef.of(consumer(false))));

    TraceCard card = found(lookup(backend).lookup(request(), false)).traces().get(0);

    assertThat(card.analysis().errorPath().orElseThrow().culprit().span().traceId())
        .isEqualTo(CONSUMER);
    assertThat(card.uiUrl()).hasValue("https://ui.example/trace/" + PRODUCER);
  }

  @Test
  void lookup_searchByLinkFailed_showsTheProducerAndSaysWhy() {
    InMemoryBackend backend = new InMemoryBackend().add(producer(true));
    backend.name = "Tempo";
    backend.linkAnswer =
        new LinkSearch.Failed(BackendFailure.of(BackendFailure.Kind.SERVER_ERROR, "Tempo", "503"));

    LookupOutcome.Found outcome = found(lookup(backend).lookup(request(), false));

    assertThat(outcome.traces()).hasSize(1);
    assertThat(outcome.warnings())
        .containsExactly(
            "This trace queued work (orders publish), but the traces that work ran in could not be"
                + " searched for. Tempo failed while searching. Try again in a minute.");
  }

  @Test
  void lookup_linkedTraceNotReadInTime_showsTheCustomersTraceAndSaysSo() {
    InMemoryBackend backend =
        new InMemoryBackend().add(consumer(true)).addUnsearched(producer(false));
    backend.linkedFetchGate = new CountDownLatch(1);
    // A third of the budget goes to links: 500 ms, and a second left for the search and the read.
    TraceLookup lookup = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofMillis(1500));

    try {
      LookupOutcome.Found outcome = found(lookup.lookup(request(), false));

      assertThat(outcome.traces())
          .extracting(card -> card.analysis().summary().traceId())
          .containsExactly(CONSUMER);
      assertThat(outcome.traces().get(0).analysis().trigger()).isEmpty();
      assertThat(outcome.warnings())
          .anySatisfy(warning -> assertThat(warning).startsWith("Not every span link"));
    } finally {
      backend.linkedFetchGate.countDown();
    }
  }
}
