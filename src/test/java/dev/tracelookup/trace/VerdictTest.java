package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.id;
import static dev.tracelookup.trace.TestSpans.span;
import static dev.tracelookup.trace.TestSpans.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict and the culprit on the shapes real traces take, built span by span. Times in the
 * drawings are milliseconds after the trace starts; the wire-format versions of these shapes, as
 * real SDKs and proxies emit them, are in the shapes corpus.
 */
final class VerdictTest {
  private static final String OTHER_TRACE = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

  /**
   * A cache read times out twice and the third try succeeds; the request answers 200.
   *
   * <pre>
   * a  GET /api/cart   SERVER 200          0–48
   * ├── b  GET redis   CLIENT ERROR timeout 1–11
   * ├── c  GET redis   CLIENT ERROR timeout 12–22
   * └── d  GET redis   CLIENT               23–25
   * </pre>
   */
  @Test
  void verdict_retriedReadThatRecovered_isRecoveredWithoutCulprit() {
    Trace trace =
        trace(
            span("a").server().name("GET /api/cart").http(200).lasting(48).build(),
            redis("b", 1).error("TimeoutError: Timeout reading from socket").build(),
            redis("c", 12).error("TimeoutError: Timeout reading from socket").build(),
            redis("d", 23).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.RECOVERED);
    assertThat(analysis.errorPath()).isEmpty();
    assertThat(analysis.summary().hasError()).isFalse();
    assertThat(analysis.verdict().recoveries())
        .extracting(r -> r.span().spanId(), Recovery::how, Recovery::failures)
        .containsExactly(tuple(id("c"), Recovery.How.RETRIED, 2));
  }

  /**
   * A client call gets a 503, and the resend gets a 200.
   *
   * <pre>
   * a  POST /orders        SERVER 201
   * ├── b  POST stock-svc  CLIENT 503
   * └── c  POST stock-svc  CLIENT 200   http.request.resend_count=1
   * </pre>
   */
  @Test
  void verdict_resendAfter503_isRecovered() {
    Trace trace =
        trace(
            span("a").server().http(201).lasting(90).build(),
            span("b")
                .parent("a")
                .client()
                .name("POST")
                .attribute("server.address", "stock-svc")
                .attribute("url.full", "http://stock-svc/reserve")
                .http(503)
                .at(2)
                .lasting(20)
                .build(),
            span("c")
                .parent("a")
                .client()
                .name("POST")
                .attribute("server.address", "stock-svc")
                .attribute("url.full", "http://stock-svc/reserve")
                .attribute("http.request.resend_count", "1")
                .http(200)
                .at(30)
                .lasting(20)
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.RECOVERED);
    assertThat(analysis.verdict().recoveries())
        .singleElement()
        .satisfies(r -> assertThat(r.response()).hasValue(ResponseStatus.http(503)));
  }

  /**
   * Three attempts, all 503; the entry answers 502. The culprit is the last attempt, counted.
   *
   * <pre>
   * a  GET /quote          SERVER 502
   * ├── b  GET pricing     CLIENT 503
   * ├── c  GET pricing     CLIENT 503
   * └── d  GET pricing     CLIENT 503   culprit, 3 attempts
   * </pre>
   */
  @Test
  void verdict_retriesThatAllFailed_namesTheLastAttemptAndCountsThem() {
    Trace trace =
        trace(
            span("a").server().http(502).lasting(90).build(),
            pricing("b", 1).build(),
            pricing("c", 20).build(),
            pricing("d", 40).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    ErrorPath path = analysis.errorPath().orElseThrow();
    assertThat(path.culprit().span().spanId()).isEqualTo(id("d"));
    assertThat(path.culprit().attempts()).isEqualTo(3);
    assertThat(path.otherFailingBranches()).isZero();
  }

  /**
   * A retry recovered, and a real failure elsewhere made the request fail: the recovered timeout is
   * never the culprit.
   *
   * <pre>
   * a  POST /checkout   SERVER 500
   * ├── b  GET redis    ERROR timeout   recovered
   * ├── c  GET redis    ok
   * └── d  charge       ERROR           culprit
   * </pre>
   */
  @Test
  void verdict_recoveredRetryBesideARealFailure_namesTheRealFailure() {
    Trace trace =
        trace(
            span("a").server().http(500).lasting(90).build(),
            redis("b", 1).error("timeout").build(),
            redis("c", 12).build(),
            span("d").parent("a").name("charge").at(30).error("card processor down").build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.errorPath().orElseThrow().culprit().span().name()).isEqualTo("charge");
    assertThat(analysis.verdict().recoveries())
        .extracting(r -> r.span().spanId())
        .containsExactly(id("b"));
  }

  /**
   * The order is refused with 409; the reason is an exception on the downstream server span, whose
   * status the conventions leave unset.
   *
   * <pre>
   * a  POST /orders               gateway  SERVER 409
   * └── b  POST order-svc         gateway  CLIENT 409 (failing: a client's 4xx)
   *     └── c  POST /orders       order-svc SERVER 409, exception OrderAlreadyPlacedException  culprit
   * </pre>
   */
  @Test
  void verdict_server409WithReasonDownstream_isRefusedNamingTheException() {
    Trace trace =
        trace(
            span("a").server().service("gateway").http(409).lasting(40).build(),
            span("b").parent("a").client().service("gateway").http(409).at(2).lasting(30).build(),
            span("c")
                .parent("b")
                .server()
                .service("order-svc")
                .http(409)
                .at(4)
                .lasting(25)
                .exception("OrderAlreadyPlacedException", "order 8812 was already placed", "")
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.REFUSED);
    assertThat(analysis.verdict().response()).hasValue(ResponseStatus.http(409));
    PathStep culprit = analysis.errorPath().orElseThrow().culprit();
    assertThat(culprit.span().service()).isEqualTo("order-svc");
    assertThat(culprit.exception().orElseThrow().type()).isEqualTo("OrderAlreadyPlacedException");
    assertThat(analysis.summary().hasError()).isTrue();
  }

  /**
   * An avatar lookup the caller expected to miss answers 404 and the page renders anyway.
   *
   * <pre>
   * a  GET /profile        SERVER 200
   * └── b  GET avatar-svc  CLIENT 404   absorbed
   * </pre>
   */
  @Test
  void verdict_expected404UnderASuccess_isAbsorbedNotTheCause() {
    Trace trace =
        trace(
            span("a").server().http(200).lasting(40).build(),
            span("b").parent("a").client().http(404).at(2).lasting(5).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.RECOVERED);
    assertThat(analysis.errorPath()).isEmpty();
    assertThat(analysis.verdict().recoveries())
        .singleElement()
        .satisfies(r -> assertThat(r.how()).isEqualTo(Recovery.How.ABSORBED));
  }

  /**
   * The gateway answers 504 after 30 s because a database call never came back; nothing below the
   * gateway has an error status. The time is followed down to the span that consumed it.
   *
   * <pre>
   * a  GET /report       gateway    SERVER 504      0–30000
   * └── b  GET reports   gateway    CLIENT          1–30000  (no answer)
   *     └── c  GET /report  report-svc SERVER       3–31000
   *         ├── d  SELECT cache    db                4–6
   *         └── e  SELECT report   db                6–30900   culprit: took the time
   * </pre>
   */
  @Test
  void verdict_gatewayTimeoutOverAHungCall_followsTheTimeToTheSlowSpan() {
    Trace trace =
        trace(
            span("a").server().service("gateway").http(504).lasting(30_000).build(),
            span("b").parent("a").client().service("gateway").at(1).lasting(29_999).build(),
            span("c").parent("b").server().service("report-svc").at(3).lasting(30_997).build(),
            span("d").parent("c").client().service("report-svc").at(4).lasting(2).build(),
            span("e")
                .parent("c")
                .client()
                .service("report-svc")
                .name("SELECT report")
                .at(6)
                .lasting(30_894)
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().givenUp()).isTrue();
    ErrorPath path = analysis.errorPath().orElseThrow();
    assertThat(path.culprit().span().spanId()).isEqualTo(id("e"));
    assertThat(path.tookTheTime()).isTrue();
    assertThat(analysis.timeline())
        .filteredOn(TimelineRow::culprit)
        .extracting(TimelineRow::spanId)
        .containsExactly(id("e"));
  }

  /**
   * A proxy's egress span fails with {@code error=true} after 15 s while the service it called ran
   * the whole time: the proxy gave up, the service's slow call is the cause.
   *
   * <pre>
   * a  ingress          envoy      SERVER 504  0–15000
   * └── b  egress       envoy      CLIENT ERROR response_flags=UT 1–15000
   *     └── c  POST /pay   pay-svc SERVER       2–16500
   *         └── d  POST bank  pay-svc CLIENT    3–16400   culprit
   * </pre>
   */
  @Test
  void verdict_proxyGaveUpWhileUpstreamRanOn_namesTheUpstreamSlowCall() {
    Trace trace =
        trace(
            span("a").server().service("envoy").http(504).lasting(15_000).build(),
            span("b")
                .parent("a")
                .client()
                .service("envoy")
                .attribute("response_flags", "UT")
                .http(504)
                .at(1)
                .lasting(14_999)
                .error("")
                .build(),
            span("c").parent("b").server().service("pay-svc").at(2).lasting(16_498).build(),
            span("d")
                .parent("c")
                .client()
                .service("pay-svc")
                .name("POST bank")
                .at(3)
                .lasting(16_397)
                .build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(path.culprit().span().spanId()).isEqualTo(id("d"));
  }

  /**
   * A Go client cancels its call after 5 s ("context canceled"); the called service kept working.
   * The entry answered 200-less: only its status says it failed.
   *
   * <pre>
   * a  checkout         SERVER ERROR             0–5010
   * └── b  GET stock    CLIENT ERROR context canceled 5–5005
   *     └── c  GET /stock   stock-svc SERVER     6–7300
   *         └── d  SELECT   stock-svc            7–7290   culprit
   * </pre>
   */
  @Test
  void verdict_cancelledClientCall_followsTheTimeIntoTheCalledService() {
    Trace trace =
        trace(
            span("a").server().error("context canceled").lasting(5_010).build(),
            span("b").parent("a").client().at(5).lasting(5_000).error("context canceled").build(),
            span("c").parent("b").server().service("stock-svc").at(6).lasting(7_294).build(),
            span("d").parent("c").service("stock-svc").name("SELECT").at(7).lasting(7_283).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().givenUp()).isTrue();
    assertThat(analysis.errorPath().orElseThrow().culprit().span().spanId()).isEqualTo(id("d"));
  }

  /**
   * gRPC: the payment call is UNAVAILABLE and no payment server span exists.
   *
   * <pre>
   * a  PlaceOrder        checkout SERVER grpc 14 ERROR
   * └── b  Charge        checkout CLIENT grpc 14 ERROR "connection refused"   culprit
   * </pre>
   */
  @Test
  void verdict_grpcUnavailable_isFailedAndNamesTheCall() {
    Trace trace =
        trace(
            span("a").server().grpc(14).error("").lasting(12).build(),
            span("b")
                .parent("a")
                .client()
                .grpc(14)
                .error("connection refused")
                .at(1)
                .lasting(3)
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().response()).hasValue(ResponseStatus.grpc(GrpcStatus.UNAVAILABLE));
    assertThat(analysis.errorPath().orElseThrow().culprit().span().spanId()).isEqualTo(id("b"));
  }

  /** A gRPC server answering NOT_FOUND, status unset as the conventions say: a refusal. */
  @Test
  void verdict_grpcNotFound_isRefused() {
    Trace trace = trace(span("a").server().grpc(5).build());

    assertThat(TraceAnalyzer.analyze(trace).verdict().kind()).isEqualTo(Verdict.Kind.REFUSED);
  }

  /**
   * {@code record_exception} on an internal span left unset; only the server span has the 500.
   *
   * <pre>
   * a  POST /cart/coupon    SERVER 500 ERROR
   * ├── b  load_cart        ok
   * └── c  validate_coupon  UNSET, exception CouponExpired   culprit
   * </pre>
   */
  @Test
  void verdict_exceptionOnUnsetInternalSpan_isTheCulprit() {
    Trace trace =
        trace(
            span("a").server().http(500).error("").lasting(30).build(),
            span("b").parent("a").at(1).ok().build(),
            span("c")
                .parent("a")
                .name("validate_coupon")
                .at(5)
                .exception("CouponExpired", "coupon SPRING24 expired", "")
                .build());

    PathStep culprit = TraceAnalyzer.analyze(trace).errorPath().orElseThrow().culprit();

    assertThat(culprit.span().name()).isEqualTo("validate_coupon");
    assertThat(culprit.exception().orElseThrow().type()).isEqualTo("CouponExpired");
  }

  /**
   * The entry failed with its own exception; a caught exception elsewhere does not explain it.
   *
   * <pre>
   * a  GET /invoice   SERVER 500 ERROR, exception NullPointerException   culprit
   * └── b  cache.get  UNSET, exception CacheMiss
   * </pre>
   */
  @Test
  void verdict_unrelatedCaughtExceptionBelow_keepsTheEntrysOwnException() {
    Trace trace =
        trace(
            span("a")
                .server()
                .http(500)
                .error("")
                .lasting(30)
                .exception("java.lang.NullPointerException", "invoice.total is null", "")
                .build(),
            span("b").parent("a").at(1).exception("CacheMiss", "invoice 7", "").build());

    assertThat(TraceAnalyzer.analyze(trace).errorPath().orElseThrow().culprit().span().name())
        .isEqualTo("a");
  }

  /**
   * The request was accepted, and the consumer of the message it queued failed in the same trace.
   *
   * <pre>
   * a  POST /orders          SERVER 202
   * └── b  orders publish    PRODUCER
   *     └── c  orders process   worker CONSUMER ERROR
   *         └── d  INSERT order  worker ERROR   culprit
   * </pre>
   */
  @Test
  void verdict_consumerFailedAfterTheRequestWasAccepted_isAnAsynchronousFailure() {
    Trace trace =
        trace(
            span("a").server().http(202).lasting(20).build(),
            span("b").parent("a").producer().at(5).lasting(2).build(),
            span("c")
                .parent("b")
                .consumer()
                .service("worker")
                .at(300)
                .lasting(40)
                .error("")
                .build(),
            span("d")
                .parent("c")
                .service("worker")
                .at(310)
                .lasting(20)
                .error("duplicate key")
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().asynchronous()).isTrue();
    assertThat(analysis.verdict().response()).hasValue(ResponseStatus.http(202));
    assertThat(stepIds(analysis.errorPath().orElseThrow()))
        .containsExactly(id("a"), id("b"), id("c"), id("d"));
  }

  /**
   * The consumer runs in its own trace, linked back to the producer span; only the producer's trace
   * carries the customer's ID.
   *
   * <pre>
   * customer's trace                      consumer's trace (links to b)
   * a  POST /orders   SERVER 202          c  orders process  CONSUMER ERROR   culprit
   * └── b  orders publish  PRODUCER  ◀────┘
   * </pre>
   */
  @Test
  void verdict_consumerInALinkedTraceFailed_isAnAsynchronousFailureCrossingTheLink() {
    Trace producer =
        trace(
            span("a").server().http(202).lasting(20).build(),
            span("b").parent("a").producer().at(5).lasting(2).build());
    Trace consumer =
        new Trace(
            OTHER_TRACE,
            List.of(
                span("c")
                    .traceId(OTHER_TRACE)
                    .consumer()
                    .service("worker")
                    .at(400)
                    .lasting(30)
                    .link(TestSpans.TRACE_ID, "b")
                    .error("payment declined")
                    .build()));

    TraceAnalysis analysis = TraceAnalyzer.analyze(producer, List.of(consumer));

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().asynchronous()).isTrue();
    PathStep culprit = analysis.errorPath().orElseThrow().culprit();
    assertThat(culprit.span().spanId()).isEqualTo(id("c"));
    assertThat(culprit.span().traceId()).isEqualTo(OTHER_TRACE);
    assertThat(analysis.linkedTraces()).isEqualTo(1);
    assertThat(analysis.summary().spanCount()).isEqualTo(2);
  }

  /**
   * The customer's trace is the consumer; the trace it links to is named as its trigger. The
   * consumer's trace is itself the queued work, so its failure is not "after an answer".
   */
  @Test
  void verdict_consumerLinkingToItsProducer_namesTheTrigger() {
    Trace consumer =
        trace(span("c").consumer().service("worker").link(OTHER_TRACE, "b").error("boom").build());
    Trace producer =
        new Trace(
            OTHER_TRACE,
            List.of(
                span("b").traceId(OTHER_TRACE).server().name("POST /orders").http(202).build()));

    TraceAnalysis analysis = TraceAnalyzer.analyze(consumer, List.of(producer));

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().asynchronous()).isFalse();
    assertThat(analysis.trigger())
        .hasValueSatisfying(
            t -> {
              assertThat(t.name()).isEqualTo("POST /orders");
              assertThat(t.response()).hasValue(ResponseStatus.http(202));
            });
  }

  /**
   * The root span never arrived: the verdict says so and is read from what is there.
   *
   * <pre>
   * (missing root r)
   * ├── b  GET stock   CLIENT 200
   * └── c  GET price   CLIENT 503   culprit
   * </pre>
   */
  @Test
  void verdict_missingRoot_isJudgedFromTheSpansThatCame() {
    Trace trace =
        trace(
            span("b").parent("r").client().http(200).at(1).build(),
            span("c").parent("r").client().http(503).at(2).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().entryMissing()).isTrue();
    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.errorPath().orElseThrow().culprit().span().spanId()).isEqualTo(id("c"));
  }

  /**
   * The server span of a host whose clock runs 80 ms behind starts before its client span and ends
   * after the entry: the path does not care.
   *
   * <pre>
   * a  POST /pay        SERVER 500        100–400
   * └── b  POST bank    CLIENT 502        110–390
   *     └── c  POST /charge  bank SERVER 500   30–420  (skewed), exception   culprit
   * </pre>
   */
  @Test
  void verdict_clockSkewedServerSpan_isStillTheCulprit() {
    Trace trace =
        trace(
            span("a").server().http(500).at(100).lasting(300).build(),
            span("b").parent("a").client().http(502).at(110).lasting(280).build(),
            span("c")
                .parent("b")
                .server()
                .service("bank")
                .http(500)
                .at(30)
                .lasting(390)
                .exception("LedgerLocked", "ledger locked", "")
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.errorPath().orElseThrow().culprit().span().spanId()).isEqualTo(id("c"));
    assertThat(analysis.timeline()).extracting(TimelineRow::spanId).contains(id("c"));
  }

  /**
   * Two parallel calls fail; the one whose status the entry passed on is the culprit, the other is
   * counted.
   *
   * <pre>
   * a  GET /        frontend SERVER grpc-as-http 503
   * ├── b  GetCart  CLIENT grpc 13 INTERNAL  fails first
   * └── c  GetRecs  CLIENT http 503           culprit: the entry answered 503
   * </pre>
   */
  @Test
  void verdict_fanOutWithTwoFailures_prefersTheOneWhoseStatusTheEntryPassedOn() {
    Trace trace =
        trace(
            span("a").server().http(503).lasting(50).build(),
            span("b").parent("a").client().grpc(13).error("").at(1).lasting(3).build(),
            span("c").parent("a").client().http(503).at(1).lasting(8).build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(path.culprit().span().spanId()).isEqualTo(id("c"));
    assertThat(path.otherCulpritSpanIds()).containsExactly(id("b"));
  }

  /**
   * Deep down, a failure was absorbed by a server that answered 200; the entry failed for its own
   * reason, which is the culprit.
   *
   * <pre>
   * a  POST /import   SERVER 500 ERROR, exception ImportAborted   culprit
   * └── b  GET meta   CLIENT 200
   *     └── c  GET /meta  SERVER 200
   *         └── d  SELECT  ERROR  (absorbed by c)
   * </pre>
   */
  @Test
  void verdict_failureAbsorbedDeepDown_isNotTheCulpritOfAnotherFailure() {
    Trace trace =
        trace(
            span("a")
                .server()
                .http(500)
                .error("")
                .lasting(50)
                .exception("ImportAborted", "bad csv", "")
                .build(),
            span("b").parent("a").client().http(200).at(1).lasting(10).build(),
            span("c").parent("b").server().http(200).at(2).lasting(8).build(),
            span("d").parent("c").at(3).error("deadlock").build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.errorPath().orElseThrow().culprit().span().name()).isEqualTo("a");
    assertThat(analysis.verdict().recoveries())
        .extracting(r -> r.span().spanId())
        .containsExactly(id("d"));
  }

  /** nginx's 499: the customer closed the connection before the answer; they saw a hang. */
  @Test
  void verdict_clientClosedRequest499_isAFailureGivenUp() {
    Trace trace =
        trace(
            span("a").server().http(499).lasting(60_000).build(),
            span("b").parent("a").client().at(1).lasting(59_990).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.verdict().givenUp()).isTrue();
    assertThat(analysis.errorPath().orElseThrow().culprit().span().spanId()).isEqualTo(id("b"));
  }

  /**
   * Brave leaves a 2xx server span untagged: an entry that says nothing, over a call that got a 404
   * it handled, answered the customer.
   *
   * <pre>
   * a  GET /profile        SERVER (no status, no error)
   * └── b  GET avatar-svc  CLIENT 404   absorbed
   * </pre>
   */
  @Test
  void verdict_untaggedServerEntryOverAHandled404_isRecovered() {
    Trace trace =
        trace(
            span("a").server().lasting(40).build(),
            span("b")
                .parent("a")
                .client()
                .attribute("http.status_code", "404")
                .at(2)
                .lasting(5)
                .build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.RECOVERED);
    assertThat(analysis.verdict().recoveries())
        .extracting(r -> r.span().spanId())
        .containsExactly(id("b"));
  }

  /**
   * A manual root (a job, a click) says nothing either way: a failure that reached it unanswered is
   * what the customer saw.
   *
   * <pre>
   * a  nightly-export   INTERNAL (no status)
   * └── b  PUT s3       CLIENT 503   culprit
   * </pre>
   */
  @Test
  void verdict_silentManualRootOverAFailure_isFailed() {
    Trace trace =
        trace(
            span("a").lasting(40).build(),
            span("b").parent("a").client().http(503).at(2).lasting(5).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.FAILED);
    assertThat(analysis.errorPath().orElseThrow().culprit().span().spanId()).isEqualTo(id("b"));
  }

  /** A healthy trace: succeeded, no recoveries, a waterfall that starts at the entry. */
  @Test
  void verdict_healthyTrace_succeeds() {
    TraceAnalysis analysis =
        TraceAnalyzer.analyze(
            trace(span("a").server().http(200).lasting(10).build(), span("b").parent("a").build()));

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.SUCCEEDED);
    assertThat(analysis.timeline()).first().extracting(TimelineRow::spanId).isEqualTo(id("a"));
  }

  private static TestSpans.Builder redis(String shortId, long at) {
    return span(shortId)
        .parent("a")
        .client()
        .name("GET")
        .attribute("db.system", "redis")
        .attribute("db.statement", "GET cart:42")
        .at(at)
        .lasting(10);
  }

  private static TestSpans.Builder pricing(String shortId, long at) {
    return span(shortId)
        .parent("a")
        .client()
        .name("GET")
        .attribute("server.address", "pricing")
        .attribute("url.full", "http://pricing/quote?sku=1")
        .http(503)
        .at(at)
        .lasting(15);
  }

  private static List<String> stepIds(ErrorPath path) {
    return path.steps().stream()
        .map(step -> step.span().spanId())
        .collect(java.util.stream.Collectors.toList());
  }
}
