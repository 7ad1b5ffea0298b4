package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.zipkin.ZipkinSpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.testing.Rendezvous;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ZipkinBackendSearchTest {
  private static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");
  private static final String WINDOW = "&endTs=1770388200000&lookback=2100000&limit=20";

  private final List<Duration> pauses = new ArrayList<>();
  private final FakeZipkin zipkin;
  private final ZipkinBackend backend;

  ZipkinBackendSearchTest() throws Exception {
    zipkin = new FakeZipkin();
    backend = TestZipkinBackends.against(zipkin.uri(), pauses);
  }

  @AfterEach
  void stop() throws Exception {
    zipkin.close();
  }

  private static final String USER = "usr_k8x9m2";
  private static final Duration MS_40 = Duration.ofMillis(40);

  private static TraceQuery query(
      Optional<String> service, Optional<String> spanName, boolean errorsOnly, int limit) {
    return new TraceQuery("usr_k8x9m2", FROM, TO, service, spanName, errorsOnly, limit);
  }

  private static TraceQuery query() {
    return query(Optional.empty(), Optional.empty(), false, 20);
  }

  /** A one-span trace whose root starts at the time, lasting the duration, with the tag. */
  private void trace(String traceId, String time, Duration duration, String key, String value) {
    zipkin.add(
        List.of(
            span(traceId, "00f067aa0ba902b7")
                .kind("SERVER")
                .name("GET /api/v1/orders")
                .service("order-svc")
                .at(Instant.parse(time))
                .duration(duration)
                .tag(key, value)
                .build()));
  }

  private static List<TraceRef> found(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    return ((SearchResult.Found) result).traces();
  }

  @Test
  void search_userId_sendsOneAnnotationQueryPerKeyInMilliseconds() throws Exception {
    backend.search(query());

    assertThat(zipkin.takeRequest().query())
        .isEqualTo("annotationQuery=user.id%3Dusr_k8x9m2" + WINDOW);
    assertThat(zipkin.takeRequest().query())
        .isEqualTo("annotationQuery=enduser.id%3Dusr_k8x9m2" + WINDOW);
    assertThat(zipkin.pendingRequests()).isZero();
  }

  /**
   * Each search holds its answer until the other has arrived too: one after the other, the first
   * would wait out the latch and the second would find it already given up.
   */
  @Test
  void search_byTwoKeys_asksZipkinBothAtOnce() throws Exception {
    trace("4bf92f3577b34da6a3ce929d0e0e4736", "2026-02-06T14:17:23Z", MS_40, "user.id", USER);
    trace("5bf92f3577b34da6a3ce929d0e0e4737", "2026-02-06T14:18:23Z", MS_40, "enduser.id", USER);
    Rendezvous bothAsked = new Rendezvous(2);
    zipkin.answer(
        request -> {
          bothAsked.arrive();
          return Optional.empty();
        });
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      ZipkinBackend fannedOut =
          TestZipkinBackends.against(zipkin.uri(), pauses, new SearchFanout(pool, 4, 16));

      List<TraceRef> traces = found(fannedOut.search(query()));

      assertThat(bothAsked.met()).containsExactly(true, true);
      assertThat(traces)
          .extracting(TraceRef::traceId)
          .containsExactly("5bf92f3577b34da6a3ce929d0e0e4737", "4bf92f3577b34da6a3ce929d0e0e4736");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void search_errorsOnlyWithFilters_addsErrorTermAndLowerCasesNames() throws Exception {
    backend.search(query(Optional.of(" Order-Svc "), Optional.of("POST /api/v1/Orders"), true, 20));

    assertThat(zipkin.takeRequest().query())
        .isEqualTo(
            "annotationQuery=user.id%3Dusr_k8x9m2%20and%20error"
                + WINDOW
                + "&serviceName=order-svc&spanName=post%20%2Fapi%2Fv1%2Forders");
  }

  @Test
  void search_windowEndingMidMillisecond_roundsTheEndUp() throws Exception {
    backend.search(
        new TraceQuery(
            "usr_k8x9m2", FROM, TO.minusNanos(1), Optional.empty(), Optional.empty(), false, 5));

    assertThat(zipkin.takeRequest().query())
        .endsWith("&endTs=1770388200000&lookback=2100000&limit=5");
  }

  @Test
  void search_tracesUnderEitherKey_mergesByTraceIdNewestFirstWithTheWholeTraces() {
    trace(
        "4bf92f3577b34da6a3ce929d0e0e4736",
        "2026-02-06T14:17:23Z",
        Duration.ofSeconds(2),
        "user.id",
        "usr_k8x9m2");
    trace(
        "2808cca8f3fd2a287f999a017506c2e9",
        "2026-02-06T14:21:05Z",
        Duration.ofMillis(24),
        "enduser.id",
        "usr_k8x9m2");
    trace(
        "a3ce929d0e0e4736", "2026-02-06T14:05:12Z", Duration.ofMillis(28), "user.id", "usr_k8x9m2");
    zipkin.add(
        List.of(
            span("a3ce929d0e0e4736", "0000000000000002")
                .parent("00f067aa0ba902b7")
                .tag("enduser.id", "usr_k8x9m2")
                .build()));
    trace(
        "75351dba5348570c41cea960ecbdcf4f",
        "2026-02-06T14:06:00Z",
        Duration.ofMillis(9),
        "user.id",
        "usr_other");

    List<TraceRef> traces = found(backend.search(query()));

    assertThat(traces)
        .extracting(TraceRef::traceId)
        .containsExactly(
            "2808cca8f3fd2a287f999a017506c2e9",
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "0000000000000000a3ce929d0e0e4736");
    assertThat(traces.get(2).trace().orElseThrow().spans()).hasSize(2);
    assertThat(traces.get(0).trace().orElseThrow().spans().get(0).name())
        .isEqualTo("get /api/v1/orders");
  }

  @Test
  void search_traceStartedJustBeforeTheWindow_isFoundWhenItOverlapsIt() {
    trace(
        "00000000000000000000000000000001",
        "2026-02-06T13:58:00Z",
        Duration.ofMinutes(3),
        "user.id",
        "usr_k8x9m2");
    trace(
        "00000000000000000000000000000002",
        "2026-02-06T13:56:00Z",
        Duration.ofMinutes(1),
        "user.id",
        "usr_k8x9m2");
    trace(
        "00000000000000000000000000000003",
        "2026-02-06T13:50:00Z",
        Duration.ofMinutes(20),
        "user.id",
        "usr_k8x9m2");
    trace(
        "00000000000000000000000000000004",
        "2026-02-06T14:30:01Z",
        Duration.ofMinutes(1),
        "user.id",
        "usr_k8x9m2");

    List<TraceRef> traces = found(backend.search(query()));

    assertThat(traces)
        .extracting(TraceRef::traceId)
        .containsExactly("00000000000000000000000000000001");
  }

  @Test
  void search_moreTracesThanTheLimit_showsTheNewestAndWarns() {
    for (int minute = 1; minute <= 4; minute++) {
      trace(
          "0000000000000000000000000000000" + minute,
          "2026-02-06T14:0" + minute + ":00Z",
          Duration.ofSeconds(1),
          minute % 2 == 0 ? "user.id" : "enduser.id",
          "usr_k8x9m2");
    }

    SearchResult result = backend.search(query(Optional.empty(), Optional.empty(), false, 3));

    assertThat(found(result))
        .extracting(TraceRef::traceId)
        .containsExactly(
            "00000000000000000000000000000004",
            "00000000000000000000000000000003",
            "00000000000000000000000000000002");
    assertThat(((SearchResult.Found) result).warnings())
        .singleElement()
        .asString()
        .isEqualTo(
            "Zipkin returned as many traces as the limit of 3 allows, so older traces in the window"
                + " may be missing. Narrow the window to see them.");
  }

  @Test
  void search_noTraces_isFoundEmptyWithoutWarnings() {
    SearchResult result = backend.search(query());

    assertThat(result).isEqualTo(new SearchResult.Found(List.of(), List.of()));
  }

  @Test
  void search_serviceFilter_matchesOnlyWhenTheUserIdIsOnThatServicesSpan() {
    trace(
        "00000000000000000000000000000001",
        "2026-02-06T14:10:00Z",
        Duration.ofSeconds(1),
        "user.id",
        "usr_k8x9m2");

    List<TraceRef> ofOrderSvc =
        found(backend.search(query(Optional.of("ORDER-SVC"), Optional.empty(), false, 20)));
    List<TraceRef> ofPaymentSvc =
        found(backend.search(query(Optional.of("payment-svc"), Optional.empty(), false, 20)));

    assertThat(ofOrderSvc).hasSize(1);
    assertThat(ofPaymentSvc).isEmpty();
  }
}
