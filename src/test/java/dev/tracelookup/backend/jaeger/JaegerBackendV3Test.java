package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.jaeger.JaegerTesting.OTHER_TRACE;
import static dev.tracelookup.backend.jaeger.JaegerTesting.USER;
import static dev.tracelookup.backend.jaeger.JaegerTesting.okTrace;
import static dev.tracelookup.backend.jaeger.JaegerTesting.paymentFailure;
import static dev.tracelookup.backend.jaeger.JaegerTesting.query;
import static dev.tracelookup.backend.jaeger.JaegerTesting.v3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class JaegerBackendV3Test {
  private static final String WINDOW_AND_DEPTH =
      "query.startTimeMin=2026-02-06T14%3A00%3A00Z&query.start_time_min=2026-02-06T14%3A00%3A00Z"
          + "&query.startTimeMax=2026-02-06T14%3A30%3A00Z"
          + "&query.start_time_max=2026-02-06T14%3A30%3A00Z"
          + "&query.searchDepth=20&query.num_traces=20";
  private static final String CART = "00000000000000000000000000000c01";

  private final List<Duration> pauses = new ArrayList<>();
  private FakeJaegerV3 jaeger;

  @BeforeEach
  void start() throws Exception {
    jaeger = new FakeJaegerV3();
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

  private static List<String> warnings(SearchResult result) {
    return ((SearchResult.Found) result).warnings();
  }

  @Test
  void search_noEntryServices_sendsOneSearchPerUserKeyWithEveryParameter() throws Exception {
    JaegerBackend backend = backend(v3());

    backend.search(query());

    RecordedRequest first = jaeger.takeRequest();
    RecordedRequest second = jaeger.takeRequest();
    assertThat(first.path()).isEqualTo("/api/v3/traces");
    assertThat(first.query())
        .isEqualTo(WINDOW_AND_DEPTH + "&query.attributes=%7B%22user.id%22%3A%22usr_k8x9m2%22%7D");
    assertThat(second.query())
        .isEqualTo(
            WINDOW_AND_DEPTH + "&query.attributes=%7B%22enduser.id%22%3A%22usr_k8x9m2%22%7D");
    assertThat(first.header("Accept")).isEqualTo("application/json");
    assertThat(first.header("Authorization")).isEqualTo("Bearer t0ken");
    assertThat(jaeger.pending()).isZero();
  }

  @Test
  void search_entryServices_searchesEachServiceUnderEachKey() throws Exception {
    JaegerBackend backend = backend(v3("api-gateway", "order-svc"));

    backend.search(query());

    List<String> scopes = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      QueryParams params = QueryParams.parse(jaeger.takeRequest().query());
      scopes.add(
          params.get("query.attributes").orElseThrow()
              + " "
              + params.get("query.serviceName").orElseThrow()
              + " "
              + params.get("query.service_name").orElseThrow());
    }
    assertThat(scopes)
        .containsExactly(
            "{\"user.id\":\"usr_k8x9m2\"} api-gateway api-gateway",
            "{\"user.id\":\"usr_k8x9m2\"} order-svc order-svc",
            "{\"enduser.id\":\"usr_k8x9m2\"} api-gateway api-gateway",
            "{\"enduser.id\":\"usr_k8x9m2\"} order-svc order-svc");
  }

  @Test
  void search_mergedSpansOfManyTraces_splitsThemIntoWholeTracesNewestFirst() {
    jaeger.add(paymentFailure(), okTrace(CART, "user.id", USER, 300_000));

    SearchResult result = backend(v3()).search(query());

    List<Trace> found = traces(result);
    assertThat(found).extracting(Trace::traceId).containsExactly(CART, TestSpans.TRACE_ID);
    assertThat(found.get(1).spans()).hasSize(5);
    assertThat(found.get(1).spans())
        .filteredOn(span -> span.name().equals("POST payment-svc/charge"))
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
              assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
              assertThat(span.status().message()).isEqualTo("Bad Gateway");
              assertThat(span.parentSpanId()).isEqualTo(TestSpans.id(TestSpans.PROCESS_CHARGE));
              assertThat(span.service()).isEqualTo("order-svc");
              assertThat(span.attributes().get("http.response.status_code")).hasValue("502");
              assertThat(span.events())
                  .singleElement()
                  .satisfies(
                      event ->
                          assertThat(event.attributes().get("exception.type"))
                              .hasValue("ConnectionRefusedError"));
            });
    assertThat(warnings(result)).isEmpty();
  }

  @Test
  void search_sameTraceUnderBothKeys_returnsItOnce() {
    Trace both =
        JaegerTesting.withAttribute(
            paymentFailure(), TestSpans.id(TestSpans.CHECK_STOCK), "enduser.id", USER);
    jaeger.add(both);

    SearchResult result = backend(v3()).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
  }

  @Test
  void search_traceFoundUnderTheOlderKey_isFound() {
    jaeger.add(okTrace(CART, "enduser.id", USER, 0));

    SearchResult result = backend(v3()).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(CART);
  }

  @Test
  void search_nothingMatches_404IsNoTraces() throws Exception {
    SearchResult result = backend(v3()).search(query());

    assertThat(traces(result)).isEmpty();
    assertThat(warnings(result)).isEmpty();
    assertThat(jaeger.takeRequest().path()).isEqualTo("/api/v3/traces");
  }

  @Test
  void search_errorsOnly_asksForMoreAndKeepsOnlyFailingTraces() throws Exception {
    jaeger.add(paymentFailure(), okTrace(CART, "user.id", USER, 300_000));
    TraceQuery errorsOnly =
        new TraceQuery(
            USER,
            JaegerTesting.FROM,
            JaegerTesting.TO,
            Optional.empty(),
            Optional.empty(),
            true,
            20);

    SearchResult result = backend(v3()).search(errorsOnly);

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    QueryParams sent = QueryParams.parse(jaeger.takeRequest().query());
    assertThat(sent.get("query.searchDepth")).hasValue("80");
    assertThat(sent.get("query.num_traces")).hasValue("80");
  }

  @Test
  void search_serviceAndSpanNameFilters_matchAnySpanOfTheTraceWithoutBeingSent() throws Exception {
    jaeger.add(paymentFailure(), okTrace(CART, "user.id", USER, 300_000));
    TraceQuery filtered =
        new TraceQuery(
            USER,
            JaegerTesting.FROM,
            JaegerTesting.TO,
            Optional.of("INVENTORY-SVC"),
            Optional.of("payment.process_charge"),
            false,
            20);

    SearchResult result = backend(v3()).search(filtered);

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    QueryParams sent = QueryParams.parse(jaeger.takeRequest().query());
    assertThat(sent.asMap())
        .doesNotContainKeys(
            "query.serviceName",
            "query.service_name",
            "query.operationName",
            "query.operation_name");
  }

  @Test
  void search_traceOutsideTheWindow_isLeftOut() {
    Trace early = okTrace(CART, "user.id", USER, -3_600_000);
    jaeger.answerWith(request -> FakeJaegerV3.ok(List.of(early, paymentFailure())));

    SearchResult result = backend(v3()).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
  }

  @Test
  void search_gatewayIgnoringAttributes_leavesOtherUsersOutAndSaysWhy() {
    jaeger.legacyGateway();
    jaeger.add(paymentFailure(), okTrace(OTHER_TRACE, "user.id", "usr_someone_else", 0));

    SearchResult result = backend(v3()).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    assertThat(warnings(result))
        .containsExactly(
            "1 traces Jaeger returned do not carry this user ID and were left out. Older Jaeger"
                + " versions ignore attribute filters in api/v3; ask the admin to upgrade Jaeger or"
                + " switch the bot to Jaeger's v1 API.");
  }

  @Test
  void search_moreTracesThanTheLimit_showsTheNewestAndWarns() {
    for (int i = 1; i <= 3; i++) {
      jaeger.add(okTrace("00000000000000000000000000000c0" + i, "user.id", USER, i * 1_000L));
    }
    TraceQuery two =
        new TraceQuery(
            USER,
            JaegerTesting.FROM,
            JaegerTesting.TO,
            Optional.empty(),
            Optional.empty(),
            false,
            2);

    SearchResult result = backend(v3()).search(two);

    assertThat(traces(result))
        .extracting(Trace::traceId)
        .containsExactly("00000000000000000000000000000c03", "00000000000000000000000000000c02");
    assertThat(warnings(result))
        .containsExactly(
            "Jaeger returned as many traces as the bot asked for, so older ones in the window may"
                + " be missing. Narrow the window to see them.");
  }

  @Test
  void search_oneOfTheSearchesFails_returnsTheOthersWithAWarning() {
    jaeger.add(paymentFailure());
    jaeger.answerWith(
        request ->
            request.query().contains("enduser.id")
                ? FakeJaegerV3.error(400, "malformed parameter query.attributes")
                : FakeJaegerV3.ok(List.of(paymentFailure())));

    SearchResult result = backend(v3()).search(query());

    assertThat(traces(result)).extracting(Trace::traceId).containsExactly(TestSpans.TRACE_ID);
    assertThat(warnings(result))
        .singleElement()
        .asString()
        .startsWith(
            "Some Jaeger searches failed, so traces may be missing: Jaeger refused the query");
  }

  @Test
  void search_storageNeedsAServiceAndNoneConfigured_tellsTheAdminToListEntryServices() {
    jaeger.answerWith(request -> FakeJaegerV3.error(400, "cassandra requires a service name"));

    SearchResult result = backend(v3()).search(query());

    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    BackendFailure failure = ((SearchResult.Failed) result).failure();
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo(
            "This Jaeger's storage cannot search without a service name, and no entry services are"
                + " configured. Ask the admin to list the services whose spans carry the user ID"
                + " (such as the API gateway) as the Jaeger backend's entry services in the bot's"
                + " config.");
  }

  @Test
  void fetch_knownTrace_readsItFromGetTrace() throws Exception {
    jaeger.add(paymentFailure());

    FetchResult result = backend(v3()).fetch(TestSpans.TRACE_ID.toUpperCase());

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).trace().spans()).hasSize(5);
    assertThat(((FetchResult.Fetched) result).partial()).isFalse();
    assertThat(jaeger.takeRequest().path()).isEqualTo("/api/v3/traces/" + TestSpans.TRACE_ID);
  }

  @Test
  void fetch_64BitId_isLeftPaddedBeforeTheCall() throws Exception {
    FetchResult result = backend(v3()).fetch("8448eb211c80319c");

    assertThat(result).isEqualTo(new FetchResult.NotFound("00000000000000008448eb211c80319c"));
    assertThat(jaeger.takeRequest().path())
        .isEqualTo("/api/v3/traces/00000000000000008448eb211c80319c");
  }

  @Test
  void fetch_getTraceSnapshot_readsTheGatewaysOtlpJson() {
    // cmd/jaeger/internal/extension/jaegerquery/internal/apiv3/snapshots/GetTrace.json
    jaeger.answerWith(
        request ->
            new Reply(
                200,
                "text/plain; charset=utf-8",
                """
                {"result":{"resourceSpans":[{"resource":{},"scopeSpans":[{"scope":{},"spans":[\
                {"traceId":"00000000000000000000000000000001","spanId":"0000000000000002",\
                "name":"foobar","kind":2,"status":{"code":2}}]}]}]}}\
                """,
                Map.of()));

    FetchResult result = backend(v3()).fetch("1");

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).trace().spans())
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.name()).isEqualTo("foobar");
              assertThat(span.kind()).isEqualTo(SpanKind.SERVER);
              assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
            });
  }

  @Test
  void fetch_unreadableId_isNotFoundWithoutACall() {
    FetchResult result = backend(v3()).fetch("../../api/v3/services");

    assertThat(result).isEqualTo(new FetchResult.NotFound("../../api/v3/services"));
    assertThat(jaeger.pending()).isZero();
  }

  @Test
  void search_wholeTracesAreIncluded_soThePipelineNeedsNoFetch() {
    jaeger.add(paymentFailure());

    SearchResult result = backend(v3()).search(query());

    assertThat(((SearchResult.Found) result).traces())
        .extracting(TraceRef::trace)
        .allMatch(Optional::isPresent);
  }

  @Test
  void displayName_isTheEndpointsName() {
    assertThat(backend(v3()).displayName()).isEqualTo("Jaeger");
  }
}
