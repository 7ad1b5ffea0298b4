package dev.tracelookup.lookup;

import static dev.tracelookup.backend.BlastTraces.CUSTOMER;
import static dev.tracelookup.backend.BlastTraces.failedOrder;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.http.ReadBudget;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link BlastRadii}: one backend query per failure and window, shared by every lookup. */
final class BlastRadiiTest {
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final CountingBackend backend = new CountingBackend();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private BlastRadii radii(int limit) {
    return new BlastRadii(
        backend,
        UserIdHasher.identity(),
        Duration.ofMinutes(30),
        limit,
        Duration.ofSeconds(5),
        Duration.ofMinutes(2),
        100,
        ReadBudget.unlimited(),
        executor,
        Ticker.systemTicker());
  }

  /** A lookup of one customer, 14:00–14:30 UTC, whose featured trace is the failed order. */
  private static LookupOutcome.Found lookupOf(String customer, int traceNumber) {
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T14:30:00Z"),
            ZoneOffset.UTC,
            "test");
    LookupRequest request =
        new LookupRequest(customer, window, Optional.empty(), Optional.empty(), false);
    TraceCard card =
        new TraceCard(
            TraceAnalyzer.analyze(failedOrder(traceNumber, customer, 0)), Optional.empty());
    return new LookupOutcome.Found(request, List.of(card), 1, List.of(), false);
  }

  @Test
  void count_crowdOfAgentsDuringOneIncident_makesOneBackendQuery() throws Exception {
    backend.hold();
    BlastRadii radii = radii(200);
    int agents = 12;
    List<CompletableFuture<BlastReport>> reports = new CopyOnWriteArrayList<>();
    CountDownLatch asked = new CountDownLatch(agents);
    ExecutorService crowd = Executors.newFixedThreadPool(agents);
    try {
      for (int i = 0; i < agents; i++) {
        String customer = "usr_other" + (i % 4);
        int n = i;
        crowd.execute(
            () -> {
              reports.add(radii.count(lookupOf(customer, 100 + n)).orElseThrow());
              asked.countDown();
            });
      }
      assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      crowd.shutdown();
    }
    backend.release();

    for (CompletableFuture<BlastReport> report : reports) {
      assertThat(report.get(5, TimeUnit.SECONDS)).isInstanceOf(BlastReport.Counted.class);
    }
    assertThat(backend.queries).hasValue(1);
    assertThat(reports).filteredOn(r -> !((BlastReport.Counted) r.join()).fromCache()).hasSize(1);
  }

  @Test
  void count_sendsTheCulpritsSignatureAndTheWindowWidenedByHalfAnHour() {
    BlastRadii radii = radii(200);

    radii.countNow(lookupOf(CUSTOMER, 1));

    SameFailureQuery sent = backend.sent.get(0);
    assertThat(sent.signature().service()).isEqualTo("order-svc");
    assertThat(sent.signature().spanName()).isEqualTo("POST payment-svc/charge");
    assertThat(sent.signature().httpStatus()).hasValue(502);
    assertThat(sent.signature().exceptionType()).contains("ConnectionRefusedError");
    assertThat(sent.from()).isEqualTo(Instant.parse("2026-02-06T13:30:00Z"));
    assertThat(sent.to()).isEqualTo(Instant.parse("2026-02-06T15:00:00Z"));
    assertThat(sent.limit()).isEqualTo(200);
    assertThat(sent.toString()).doesNotContain(CUSTOMER);
  }

  @Test
  void count_eachCustomer_leavesOutTheirOwnRequests() {
    BlastRadii radii = radii(200);

    BlastRadius mine = counted(radii.countNow(lookupOf(CUSTOMER, 1)));
    BlastRadius theirs = counted(radii.countNow(lookupOf("usr_other1", 2)));

    assertThat(backend.queries).hasValue(1);
    assertThat(mine.requests()).isEqualTo(5);
    assertThat(mine.customers()).isEqualTo(3);
    assertThat(theirs.requests()).isEqualTo(4);
    assertThat(theirs.customers()).isEqualTo(3);
    assertThat(mine.line())
        .isEqualTo(
            "Same failure for 5 requests from 3 other customers between 14:14 and 14:23 UTC,"
                + " first seen 14:14 (searched 13:30–15:00 UTC)");
  }

  @Test
  void count_limitReached_saysAtLeast() {
    BlastRadius radius = counted(radii(3).countNow(lookupOf(CUSTOMER, 1)));

    assertThat(radius.atLeast()).isTrue();
    assertThat(radius.line()).startsWith("Same failure for at least ");
  }

  @Test
  void count_failedBackend_isSaidAndNotKept() {
    backend.failing = true;
    BlastRadii radii = radii(200);

    BlastReport first = radii.countNow(lookupOf(CUSTOMER, 1)).orElseThrow();
    backend.failing = false;
    BlastReport second = radii.countNow(lookupOf(CUSTOMER, 1)).orElseThrow();

    assertThat(first).isInstanceOf(BlastReport.NotCounted.class);
    assertThat(((BlastReport.NotCounted) first).reason()).contains("Fake");
    assertThat(second).isInstanceOf(BlastReport.Counted.class);
    assertThat(backend.queries).hasValue(2);
  }

  @Test
  void count_lookupWithoutFailure_countsNothing() {
    LookupOutcome none = new LookupOutcome.NoTraces(lookupOf(CUSTOMER, 1).request(), List.of());

    assertThat(radii(200).count(none)).isEmpty();
    assertThat(backend.queries).hasValue(0);
  }

  @Test
  void present_manyCustomersAndNoIncident_saysNoneIsDeclared() {
    LookupPresenter presenter = new LookupPresenter(new CardRenderer(), "Fake");
    LookupOutcome.Found found = lookupOf(CUSTOMER, 1);
    BlastRadius radius =
        new BlastRadius(
            37,
            19,
            false,
            Optional.of(Instant.parse("2026-02-06T14:12:10Z")),
            Optional.of(Instant.parse("2026-02-06T14:24:50Z")),
            Instant.parse("2026-02-06T13:30:00Z"),
            Instant.parse("2026-02-06T15:00:00Z"));

    String text =
        presenter.presentText(
            found, ZoneOffset.UTC, Optional.of(new BlastReport.Counted(radius, false)));

    assertThat(text)
        .contains(
            "👥 Same failure for 37 requests from 19 other customers between 14:12 and 14:25 UTC,"
                + " first seen 14:12 (searched 13:30–15:00 UTC) · no incident declared for this"
                + " yet");
  }

  @Test
  void present_fewCustomers_doesNotCallItAnIncident() {
    LookupPresenter presenter = new LookupPresenter(new CardRenderer(), "Fake");
    BlastRadius radius =
        new BlastRadius(
            2,
            2,
            false,
            Optional.empty(),
            Optional.empty(),
            Instant.parse("2026-02-06T13:30:00Z"),
            Instant.parse("2026-02-06T15:00:00Z"));

    String text =
        presenter.presentText(
            lookupOf(CUSTOMER, 1),
            ZoneOffset.UTC,
            Optional.of(new BlastReport.Counted(radius, false)));

    assertThat(text).contains("Same failure for 2 requests").doesNotContain("no incident");
  }

  @Test
  void present_pending_saysTheCountIsComing() {
    LookupPresenter presenter = new LookupPresenter(new CardRenderer(), "Fake");

    String json =
        presenter
            .present(
                lookupOf(CUSTOMER, 1),
                ZoneOffset.UTC,
                Audience.terminal(),
                Optional.of(new BlastReport.Pending()))
            .toJson();

    assertThat(json).contains("Counting other customers with the same failure");
  }

  @Test
  void present_everyStateOfTheCount_isValidBlockKit() {
    LookupPresenter presenter = new LookupPresenter(new CardRenderer(), "Fake");
    BlastRadius radius =
        new BlastRadius(
            200,
            150,
            true,
            Optional.of(Instant.parse("2026-02-06T13:31:00Z")),
            Optional.of(Instant.parse("2026-02-06T14:59:00Z")),
            Instant.parse("2026-02-06T13:30:00Z"),
            Instant.parse("2026-02-06T15:00:00Z"));
    List<BlastReport> states =
        List.of(
            new BlastReport.Pending(),
            new BlastReport.Counted(radius, true),
            new BlastReport.NotCounted("Fake did not answer in time."));

    for (BlastReport state : states) {
      assertThat(
              BlockKitCheck.violations(
                  presenter.present(
                      lookupOf(CUSTOMER, 1),
                      ZoneOffset.UTC,
                      Audience.terminal(),
                      Optional.of(state))))
          .as(state.toString())
          .isEmpty();
    }
  }

  private static BlastRadius counted(Optional<BlastReport> report) {
    assertThat(report).containsInstanceOf(BlastReport.Counted.class);
    return ((BlastReport.Counted) report.get()).radius();
  }

  /**
   * Answers every count with five orders of three other customers and one of {@code usr_k8x9m2},
   * counting the queries; {@link #hold} makes them wait until {@link #release}.
   */
  private static final class CountingBackend implements TraceBackend {
    final AtomicInteger queries = new AtomicInteger();
    final List<SameFailureQuery> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch gate = new CountDownLatch(1);
    private volatile boolean holding;
    volatile boolean failing;

    void hold() {
      holding = true;
    }

    void release() {
      gate.countDown();
    }

    @Override
    public SameFailureCount countSameFailure(SameFailureQuery query) {
      queries.incrementAndGet();
      sent.add(query);
      if (holding) {
        try {
          gate.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
        }
      }
      if (failing) {
        return new SameFailureCount.Failed(
            BackendFailure.of(BackendFailure.Kind.UNREACHABLE, "Fake", "connection refused"));
      }
      FailureTally.Builder tally =
          FailureTally.builder(List.of("user.id", "enduser.id"), query.limit());
      List<Trace> traces = new ArrayList<>();
      traces.add(failedOrder(1, CUSTOMER, 0));
      traces.add(failedOrder(2, "usr_other1", 60_000));
      traces.add(failedOrder(3, "usr_other1", 120_000));
      traces.add(failedOrder(4, "usr_other2", -180_000));
      traces.add(failedOrder(5, "usr_other3", 240_000));
      traces.add(failedOrder(6, "usr_other3", 300_000));
      for (Trace trace : traces) {
        if (!tally.addIfFailed(trace, query.signature())) {
          break;
        }
      }
      return new SameFailureCount.Counted(tally.build());
    }

    @Override
    public String displayName() {
      return "Fake";
    }

    @Override
    public SearchResult search(TraceQuery query) {
      return new SearchResult.Found(List.of(), List.of());
    }

    @Override
    public FetchResult fetch(String traceId) {
      return new FetchResult.NotFound(traceId);
    }

    @Override
    public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
      return Optional.empty();
    }
  }
}
