package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.jaeger.JaegerTesting.USER;
import static dev.tracelookup.backend.jaeger.JaegerTesting.okTrace;
import static dev.tracelookup.backend.jaeger.JaegerTesting.paymentFailure;
import static dev.tracelookup.backend.jaeger.JaegerTesting.query;
import static dev.tracelookup.backend.jaeger.JaegerTesting.v1;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.Rendezvous;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class JaegerBackendV1Test {
  private static final String CART = "00000000000000000000000000000c01";
  private static final String SIXTY_FOUR_BIT = "00000000000000008448eb211c80319c";

  private final List<Duration> pauses = new ArrayList<>();
  private FakeJaegerV1 jaeger;

  @BeforeEach
  void start() throws Exception {
    jaeger = new FakeJaegerV1();
  }

  @AfterEach
  void stop() throws Exception {
    jaeger.close();
  }

  private JaegerBackend backend(JaegerOptions options) {
    return JaegerTesting.backend(jaeger.uri(), options, pauses);
  }

  private static List<Trace> traces(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    return ((SearchResult.Found) result)
        .traces().stream().map(ref -> ref.trace().orElseThrow()).toList();
  }

  private static BackendFailure failure(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    return ((SearchResult.Failed) result).failure();
  }

  @Test
  void search_noEntryServices_asksTheAdminForThemWithoutCallingJaeger() {
    SearchResult result = backend(v1()).search(query());

    BackendFailure failure = failure(result);
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo(
            "Jaeger's v1 API cannot search without a service name, and no entry services are"
                + " configured. Ask the admin to list the services whose spans carry the user ID"
                + " (such as the API gateway) as the Jaeger backend's entry services in the bot's"
                + " config.");
    assertThat(jaeger.pending()).isZero();
  }

  @Test
  void search_sendsServiceTagsAsJsonWindowInMicrosecondsAndLimit() throws Exception {
    JaegerBackend backend = backend(v1("api-gateway"));

    backend.search(query());

    RecordedRequest first = jaeger.takeRequest();
    RecordedRequest second = jaeger.takeRequest();
    assertThat(first.path()).isEqualTo("/api/traces");
    assertThat(first.query())
        .isEqualTo(
            "service=api-gateway"
                + "&tags=%7B%22user.id%22%3A%22usr_k8x9m2%22%7D"
                + "&start=1770386400000000&end=1770388200000000&limit=20");
    assertThat(second.query())
        .isEqualTo(
            "service=api-gateway"
                + "&tags=%7B%22enduser.id%22%3A%22usr_k8x9m2%22%7D"
                + "&start=1770386400000000&end=1770388200000000&limit=20");
    assertThat(first.header("Accept")).isEqualTo("application/json");
    assertThat(first.header("Authorization")).isEqualTo("Bearer t0ken");
  }

  /**
   * Two keys at two entry services make four searches; each holds its answer until all four have
   * arrived, which only happens when they are asked at once.
   */
  @Test
  void search_everyKeyAndEntryService_asksJaegerAllAtOnce() {
    Rendezvous allAsked = new Rendezvous(4);
    jaeger.answerWith(
        request -> {
          allAsked.arrive();
          return Reply.json("{\"data\":[],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");
        });
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      JaegerBackend backend =
          JaegerTesting.backend(
              jaeger.uri(), v1("api-gateway", "checkout"), pauses, new SearchFanout(pool, 4, 16));

      SearchResult result = backend.search(query());

      assertThat(traces(result)).isEmpty();
      assertThat(allAsked.met()).containsExactly(true, true, true, true);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void search_subMicrosecondWindow_widensToWholeMicroseconds() throws Exception {
    TraceQuery odd =
        new TraceQuery(
            USER,
            Instant.parse("2026-02-06T14:00:00.000000999Z"),
            Instant.parse("2026-02-06T14:30:00.000000001Z"),
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    backend(v1("api-gateway")).search(odd);

    QueryParams sent = QueryParams.parse(jaeger.takeRequest().query());
    assertThat(sent.get("start")).hasValue("1770386400000000");
    assertThat(sent.get("end")).hasValue("1770388200000001");
  }

  @Test
  void search_severalEntryServices_searchesEachUnderEachKeyAndMerges() throws Exception {
    jaeger.add(paymentFailure(), okTrace(CART, "enduser.id", USER, 60_000));

    SearchResult result = backend(v1("api-gateway", "order-svc")).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(CART, TestSpans.TRACE_ID);
    List<String> scopes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      QueryParams params = QueryParams.parse(jaeger.takeRequest().query());
      scopes.add(params.get("service").orElseThrow() + " " + params.get("tags").orElseThrow());
    }
    assertThat(scopes)
        .containsExactly(
            "api-gateway {\"user.id\":\"usr_k8x9m2\"}",
            "order-svc {\"user.id\":\"usr_k8x9m2\"}",
            "api-gateway {\"enduser.id\":\"usr_k8x9m2\"}",
            "order-svc {\"enduser.id\":\"usr_k8x9m2\"}");
  }

  @Test
  void search_jaegerJson_mapsToTheModelWithServicesFromProcessesAfterSpans() {
    jaeger.add(paymentFailure());

    SearchResult result = backend(v1("order-svc")).search(query());

    Trace trace = traces(result).get(0);
    assertThat(trace.spans())
        .extracting(Span::service)
        .containsExactly("order-svc", "order-svc", "inventory-svc", "order-svc", "order-svc");
    Span call = trace.spans().get(4);
    assertThat(call.parentSpanId()).isEqualTo(TestSpans.id(TestSpans.PROCESS_CHARGE));
    assertThat(call.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(call.status().message()).isEqualTo("Bad Gateway");
    assertThat(call.events())
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.attributes().get("exception.message"))
                    .hasValue("payment gateway timeout"));
  }

  @Test
  void search_64BitTraceIds_areLeftPadded() {
    jaeger.add(okTrace(SIXTY_FOUR_BIT, "user.id", USER, 0));

    SearchResult result = backend(v1("api-gateway")).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(SIXTY_FOUR_BIT);
  }

  @Test
  void search_errorsOnly_keepsOnlyFailingTracesAndAsksForMore() throws Exception {
    jaeger.add(paymentFailure(), okTrace(CART, "user.id", USER, 60_000));
    TraceQuery errorsOnly =
        new TraceQuery(
            USER,
            JaegerTesting.FROM,
            JaegerTesting.TO,
            Optional.empty(),
            Optional.empty(),
            true,
            20);

    SearchResult result = backend(v1("api-gateway", "order-svc")).search(errorsOnly);

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    assertThat(QueryParams.parse(jaeger.takeRequest().query()).get("limit")).hasValue("80");
  }

  @Test
  void search_spanNameFilter_isCheckedOnTheTraceNotSentAsOperation() throws Exception {
    jaeger.add(paymentFailure(), okTrace(CART, "user.id", USER, 60_000));
    TraceQuery byName =
        new TraceQuery(
            USER,
            JaegerTesting.FROM,
            JaegerTesting.TO,
            Optional.empty(),
            Optional.of("POST payment-svc/charge"),
            false,
            20);

    SearchResult result = backend(v1("api-gateway", "order-svc")).search(byName);

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    assertThat(QueryParams.parse(jaeger.takeRequest().query()).asMap())
        .doesNotContainKey("operation");
  }

  @Test
  void search_traceWithoutTheUser_isLeftOutWithAPlainWarning() {
    jaeger.answerWith(
        request ->
            FakeJaegerV1.ok(
                List.of(paymentFailure(), okTrace(CART, "user.id", "usr_someone_else", 0))));

    SearchResult result = backend(v1("api-gateway")).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    assertThat(((SearchResult.Found) result).warnings())
        .containsExactly("1 traces Jaeger returned do not carry this user ID and were left out.");
  }

  @Test
  void search_errorsInTheEnvelopeWithoutData_isAFailureWithJaegersMessage() {
    jaeger.answerWith(request -> Reply.json(V1Json.error(0, "storage:\u0007query failed\nretry")));

    SearchResult result = backend(v1("api-gateway")).search(query());

    BackendFailure failure = failure(result);
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.SERVER_ERROR);
    assertThat(failure.detail())
        .isEqualTo("GET /api/traces reported: storage: query failed retry (0)");
  }

  @Test
  void search_serviceParameterRequired400_isRejected() {
    jaeger.answerWith(request -> FakeJaegerV1.error(400, "parameter 'service' is required"));

    SearchResult result = backend(v1("api-gateway")).search(query());

    BackendFailure failure = failure(result);
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.REJECTED);
    assertThat(failure.detail()).contains("400", "parameter 'service' is required");
  }

  @Test
  void search_searchApiRemoved404_tellsTheAdminToSwitchToV3() {
    jaeger.answerWith(
        request -> new Reply(404, "text/plain; charset=utf-8", "404 page not found\n", Map.of()));

    SearchResult result = backend(v1("api-gateway")).search(query());

    BackendFailure failure = failure(result);
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo(
            "Jaeger answered 404 to its v1 search API (/api/traces), which newer Jaeger versions"
                + " removed. Ask the admin to switch the bot's Jaeger backend to the v3 API.");
  }

  @Test
  void fetch_knownTrace_readsIt() throws Exception {
    jaeger.add(paymentFailure());

    FetchResult result = backend(v1()).fetch(TestSpans.TRACE_ID);

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).trace().spans()).hasSize(5);
    assertThat(jaeger.takeRequest().path()).isEqualTo("/api/traces/" + TestSpans.TRACE_ID);
  }

  @Test
  void fetch_64BitTrace_isFoundUnderItsPaddedId() {
    jaeger.add(okTrace(SIXTY_FOUR_BIT, "user.id", USER, 0));

    FetchResult result = backend(v1()).fetch("8448eb211c80319c");

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).trace().traceId()).isEqualTo(SIXTY_FOUR_BIT);
  }

  @Test
  void fetch_traceGone_isNotFound() {
    FetchResult result = backend(v1()).fetch(TestSpans.TRACE_ID);

    assertThat(result).isEqualTo(new FetchResult.NotFound(TestSpans.TRACE_ID));
  }

  @Test
  void fetch_answerForAnotherTrace_isNotFound() {
    jaeger.answerWith(request -> FakeJaegerV1.ok(List.of(paymentFailure())));

    FetchResult result = backend(v1()).fetch(CART);

    assertThat(result).isEqualTo(new FetchResult.NotFound(CART));
  }
}
