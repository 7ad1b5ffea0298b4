package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.T0;
import static dev.tracelookup.trace.TestSpans.TRACE_ID;
import static dev.tracelookup.trace.TestSpans.id;
import static dev.tracelookup.trace.TestSpans.span;
import static dev.tracelookup.trace.TestSpans.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TraceAnalyzerTest {

  /**
   * The write-up's case; the path runs to the 502, and the root's children show ok, ok, failed:
   *
   * <pre>
   * POST /api/v1/orders → 500            ❌
   * ├── order.validate                   ✅
   * ├── inventory.check_stock            ✅
   * └── payment.process_charge           ❌
   *     └── POST payment-svc/charge → 502 ❌  culprit
   *           ConnectionRefusedError: payment gateway timeout
   * </pre>
   */
  @Test
  void analyze_orderPaymentFailure_pathEndsAtClient502() {
    Trace trace = TestSpans.orderPaymentFailure();

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(stepNames(path))
        .containsExactly(
            "POST /api/v1/orders", "payment.process_charge", "POST payment-svc/charge");
    assertThat(path.entry().httpStatus()).isEqualTo(500);
    assertThat(path.entry().children())
        .extracting(SpanOutcome::name, SpanOutcome::failing)
        .containsExactly(
            tuple("order.validate", false),
            tuple("inventory.check_stock", false),
            tuple("payment.process_charge", true));
    assertThat(path.culprit().httpStatus()).isEqualTo(502);
    assertThat(path.culprit().exception())
        .contains(
            new ExceptionInfo(
                "ConnectionRefusedError",
                "payment gateway timeout",
                List.of(
                    "at payments.GatewayClient.charge(GatewayClient.java:88)",
                    "at payments.ChargeService.process(ChargeService.java:41)",
                    "at payments.ChargeController.post(ChargeController.java:27)")));
    assertThat(path.otherFailingBranches()).isZero();
    assertThat(path.entryIsOrphan()).isFalse();
  }

  @Test
  void analyze_orderPaymentFailure_summarisesEntrySpan() {
    Trace trace = TestSpans.orderPaymentFailure();

    TraceSummary summary = TraceAnalyzer.analyze(trace).summary();

    assertThat(summary)
        .isEqualTo(
            new TraceSummary(
                TRACE_ID,
                T0,
                Duration.ofMillis(1900),
                "order-svc",
                "POST /api/v1/orders",
                500,
                5,
                3));
  }

  @Test
  void analyze_noFailingSpan_hasNoErrorPath() {
    Trace trace = trace(span("a").ok().build(), span("b").parent("a").build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.errorPath()).isEmpty();
    assertThat(analysis.summary().failingSpans()).isZero();
  }

  /**
   * A failing span whose failure shows up further down, past a healthy span, is on the path and is
   * not another branch:
   *
   * <pre>
   * a  ERROR
   * └── b  UNSET
   *     └── c  ERROR  culprit
   * </pre>
   */
  @Test
  void analyze_failingAncestorAboveHealthySpan_isOnPathNotAnotherBranch() {
    Trace trace =
        trace(
            span("a").error("").build(),
            span("b").parent("a").build(),
            span("c").parent("b").error("boom").build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(path.steps())
        .extracting(step -> step.span().name(), PathStep::failing)
        .containsExactly(tuple("a", true), tuple("b", false), tuple("c", true));
    assertThat(path.otherFailingBranches()).isZero();
  }

  /**
   * Of two independent failures, the first to fail is the culprit, as the first failure is usually
   * the one that stopped the request; depth across branches says nothing. The other is counted:
   *
   * <pre>
   * a
   * ├── b  ERROR      1–2 ms   culprit (failed first)
   * └── c             2–4 ms
   *     └── d  ERROR  3–4 ms
   * </pre>
   */
  @Test
  void analyze_twoFailingBranches_picksTheFirstToFailAndCountsOther() {
    Trace trace =
        trace(
            span("a").build(),
            span("b").parent("a").at(1).error("").build(),
            span("c").parent("a").at(2).lasting(2).build(),
            span("d").parent("c").at(3).error("").build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(stepNames(path)).containsExactly("a", "b");
    assertThat(path.otherFailingBranches()).isEqualTo(1);
    assertThat(path.otherCulpritSpanIds()).containsExactly(id("d"));
  }

  /**
   * Equally deep failures: the earliest is the culprit.
   *
   * <pre>
   * a
   * ├── c  ERROR  10 ms  culprit
   * └── b  ERROR  20 ms
   * </pre>
   */
  @Test
  void analyze_equallyDeepBranches_picksEarliest() {
    Trace trace =
        trace(
            span("a").build(),
            span("b").parent("a").at(20).error("").build(),
            span("c").parent("a").at(10).error("").build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(stepNames(path)).containsExactly("a", "c");
    assertThat(path.otherCulpritSpanIds()).containsExactly(id("b"));
  }

  /**
   * A failure under the entry span beats a deeper one in an orphan subtree:
   *
   * <pre>
   * (synthetic root)
   * ├── a  entry
   * │   └── b  ERROR  culprit
   * └── x  orphan (parent f missing)
   *     └── y
   *         └── z  ERROR
   * </pre>
   */
  @Test
  void analyze_deeperFailureInOrphanSubtree_prefersEntryTree() {
    Trace trace =
        trace(
            span("a").build(),
            span("b").parent("a").at(1).error("").build(),
            span("x").parent("f").at(2).build(),
            span("y").parent("x").at(3).build(),
            span("z").parent("y").at(4).error("").build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(stepNames(path)).containsExactly("a", "b");
    assertThat(path.entryIsOrphan()).isFalse();
    assertThat(path.otherCulpritSpanIds()).containsExactly(id("z"));
  }

  /**
   * Span {@code b} was never reported, and the entry answered OK: whatever failed below the gap,
   * the entry absorbed it, so the customer saw a success and the failure is listed as recovered:
   *
   * <pre>
   * (synthetic root)
   * ├── a  entry, OK
   * └── c  orphan (parent b missing)
   *     └── d  ERROR  absorbed
   * </pre>
   */
  @Test
  void analyze_failureBelowMissingSpanUnderOkEntry_isRecovered() {
    Trace trace =
        trace(
            span("a").ok().build(),
            span("c").parent("b").at(2).build(),
            span("d").parent("c").at(3).error("").build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.errorPath()).isEmpty();
    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.RECOVERED);
    assertThat(analysis.verdict().recoveries())
        .extracting(r -> r.span().name(), Recovery::how)
        .containsExactly(tuple("d", Recovery.How.ABSORBED));
    assertThat(analysis.summary().rootName()).isEqualTo("a");
  }

  /** Without any real root, the entry is the earliest span, wherever it hangs. */
  @Test
  void analyze_noRealRoot_entryIsEarliestSpan() {
    Trace trace =
        trace(
            span("x").parent("f").name("late orphan").at(5).build(),
            span("y").parent("e").name("early orphan").at(2).lasting(10).build());

    TraceSummary summary = TraceAnalyzer.analyze(trace).summary();

    assertThat(summary.rootName()).isEqualTo("early orphan");
    assertThat(summary.start()).isEqualTo(T0.plusMillis(2));
    assertThat(summary.duration()).isEqualTo(Duration.ofMillis(10));
  }

  /**
   * The entry is the earliest real root even when an orphan started before it:
   *
   * <pre>
   * (synthetic root)
   * ├── o  orphan     -5 ms
   * ├── a  root        0 ms  entry
   * └── b  root       30 ms
   * </pre>
   */
  @Test
  void analyze_severalRoots_entryIsEarliestRealRoot() {
    Trace trace =
        trace(
            span("b").name("late root").at(30).lasting(20).build(),
            span("o").parent("f").name("orphan").at(-5).build(),
            span("a").name("early root").server().http(200).build());

    TraceSummary summary = TraceAnalyzer.analyze(trace).summary();

    assertThat(summary.rootName()).isEqualTo("early root");
    assertThat(summary.httpStatus()).isEqualTo(200);
    assertThat(summary.start()).isEqualTo(T0.minusMillis(5));
    assertThat(summary.duration()).isEqualTo(Duration.ofMillis(55));
  }

  /** A server answering 503 fails even though nobody set its status. */
  @Test
  void analyze_serverUnsetWith503_isCulprit() {
    Trace trace = trace(span("a").server().http(503).build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(path.culprit().failing()).isTrue();
    assertThat(path.culprit().httpStatus()).isEqualTo(503);
  }

  /**
   * A client receiving 404 fails; the server passing the 404 on does not:
   *
   * <pre>
   * a  SERVER 404  (not failing: the caller asked for something missing)
   * └── b  CLIENT 404  culprit
   * </pre>
   */
  @Test
  void analyze_client404_isCulpritUnderHealthyServer404() {
    Trace trace =
        trace(
            span("a").server().http(404).build(), span("b").parent("a").client().http(404).build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(path.steps())
        .extracting(step -> step.span().name(), PathStep::failing)
        .containsExactly(tuple("a", false), tuple("b", true));
  }

  /**
   * A server answering 404 left its status unset, as the conventions say: the customer was refused.
   */
  @Test
  void analyze_server404Only_isRefusedAndNamesTheEntry() {
    Trace trace = trace(span("a").server().http(404).build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.verdict().kind()).isEqualTo(Verdict.Kind.REFUSED);
    assertThat(analysis.errorPath().orElseThrow().culprit().span().name()).isEqualTo("a");
    assertThat(analysis.summary().httpStatus()).isEqualTo(404);
  }

  /**
   * Older instrumentation writes {@code http.status_code}, and Jaeger and Zipkin send it as text.
   */
  @Test
  void analyze_oldStatusAttributeAsText_isFailing() {
    Trace trace = trace(span("a").server().attribute("http.status_code", "500").build());

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace);

    assertThat(analysis.summary().httpStatus()).isEqualTo(500);
    assertThat(analysis.errorPath().orElseThrow().culprit().httpStatus()).isEqualTo(500);
  }

  @Test
  void analyze_repeatedSpanIds_countsEachSpanOnce() {
    Trace trace =
        trace(
            span("a").build(),
            span("b").parent("a").build(),
            span("b").parent("a").error("").build(),
            span("a").build());

    TraceSummary summary = TraceAnalyzer.analyze(trace).summary();

    assertThat(summary.spanCount()).isEqualTo(2);
    assertThat(summary.failingSpans()).isEqualTo(1);
  }

  /**
   * Both halves of a Zipkin shared span ID are on the path; the server half is the deeper one:
   *
   * <pre>
   * a
   * └── s  CLIENT 502 ERROR
   *     └── s  SERVER ERROR  culprit, with the exception
   * </pre>
   */
  @Test
  void analyze_sharedSpanId_pathShowsClientAndServerHalves() {
    Trace trace =
        trace(
            span("a").build(),
            span("s").parent("a").client().http(502).error("").build(),
            span("s").parent("a").server().error("").exception("Timeout", "gateway", "").build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(path.steps())
        .extracting(step -> step.span().kind())
        .containsExactly(SpanKind.INTERNAL, SpanKind.CLIENT, SpanKind.SERVER);
    assertThat(path.culprit().exception()).map(ExceptionInfo::type).contains("Timeout");
    assertThat(path.otherFailingBranches()).isZero();
  }

  /**
   * {@code a} and {@code b} name each other as parent; the cycle is cut at {@code a}:
   *
   * <pre>
   * (synthetic root)
   * └── a  orphan (link to b cut)
   *     └── b  ERROR  culprit
   * </pre>
   */
  @Test
  void analyze_parentCycle_terminatesWithOrphanEntry() {
    Trace trace =
        trace(span("a").parent("b").build(), span("b").parent("a").at(1).error("").build());

    ErrorPath path = TraceAnalyzer.analyze(trace).errorPath().orElseThrow();

    assertThat(stepNames(path)).containsExactly("a", "b");
    assertThat(path.entryIsOrphan()).isTrue();
  }

  @Test
  void analyze_emptyTrace_throwsIllegalArgument() {
    Trace trace = trace(List.of());

    assertThatIllegalArgumentException()
        .isThrownBy(() -> TraceAnalyzer.analyze(trace))
        .withMessageContaining(TRACE_ID);
  }

  /**
   * A chain failing at its leaf gives a path as long as the chain, without recursion:
   *
   * <pre>
   * 0
   * └── 1
   *     └── …
   *         └── depth-1  ERROR  culprit
   * </pre>
   */
  @ParameterizedTest
  @ValueSource(ints = {10_000, 100_000})
  void analyze_deepChain_pathReachesLeaf(int depth) {
    List<Span> spans = new ArrayList<>(depth);
    spans.add(span(hex(depth - 1)).parent(hex(depth - 2)).at(depth - 1).error("").build());
    for (int i = depth - 2; i > 0; i--) {
      spans.add(span(hex(i)).parent(hex(i - 1)).at(i).build());
    }
    spans.add(span(hex(0)).build());

    ErrorPath path = TraceAnalyzer.analyze(trace(spans)).errorPath().orElseThrow();

    assertThat(path.steps()).hasSize(depth);
    assertThat(path.culprit().span().spanId()).isEqualTo(id(hex(depth - 1)));
    assertThat(path.entry().span().spanId()).isEqualTo(id(hex(0)));
  }

  /** Of 20 children, the first 12 are shown; the next step (the 4th) is among them. */
  @Test
  void analyze_manyChildren_showsFirstTwelve() {
    Trace trace = fanOut(20, 3);

    PathStep entry = TraceAnalyzer.analyze(trace).errorPath().orElseThrow().entry();

    assertThat(entry.children()).hasSize(12);
    assertThat(entry.children().get(3).failing()).isTrue();
    assertThat(entry.hiddenChildren()).isEqualTo(8);
  }

  /** Of 20 children, the next step is the 16th: it takes the 12th place, after the first 11. */
  @Test
  void analyze_nextStepBeyondChildCap_takesLastShownPlace() {
    Trace trace = fanOut(20, 15);

    PathStep entry = TraceAnalyzer.analyze(trace).errorPath().orElseThrow().entry();

    assertThat(entry.children())
        .extracting(SpanOutcome::name)
        .containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c15");
    assertThat(entry.hiddenChildren()).isEqualTo(8);
  }

  /** 25 equally deep failures: the earliest is the culprit; 24 are counted, 20 listed. */
  @Test
  void analyze_manyFailingBranches_capsListedIdsButCountsAll() {
    List<Span> spans = new ArrayList<>();
    spans.add(span("a").build());
    for (int i = 1; i <= 25; i++) {
      spans.add(span(hex(0x100 + i)).parent("a").at(i).error("").build());
    }

    ErrorPath path = TraceAnalyzer.analyze(trace(spans)).errorPath().orElseThrow();

    assertThat(path.culprit().span().spanId()).isEqualTo(id("101"));
    assertThat(path.otherFailingBranches()).isEqualTo(24);
    assertThat(path.otherCulpritSpanIds()).hasSize(20).startsWith(id("102")).endsWith(id("115"));
  }

  /** Returns root {@code a} with children {@code c0..c<count-1>}; only {@code c<failing>} fails. */
  private static Trace fanOut(int count, int failing) {
    List<Span> spans = new ArrayList<>();
    spans.add(span("a").build());
    for (int i = 0; i < count; i++) {
      TestSpans.Builder child = span(hex(0x100 + i)).parent("a").name("c" + i).at(i + 1);
      spans.add((i == failing ? child.error("") : child).build());
    }
    return trace(spans);
  }

  private static String hex(int n) {
    return Integer.toHexString(n);
  }

  private static List<String> stepNames(ErrorPath path) {
    return path.steps().stream().map(step -> step.span().name()).collect(Collectors.toList());
  }
}
