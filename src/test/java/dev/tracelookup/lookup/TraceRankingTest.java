package dev.tracelookup.lookup;

import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalyzer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order of traces on a card: what the customer saw first, then nearest the named moment. */
final class TraceRankingTest {
  private static final Instant STATED = TestSpans.T0.plusSeconds(600);

  /**
   * Two failures in the window: the one nearest the time the customer gave leads, even though the
   * other is newer.
   *
   * <pre>
   * T0+0      early   POST /orders 500
   * T0+9 min  near    POST /orders 500   ← the customer said T0+10 min
   * T0+25 min late    POST /orders 500
   * </pre>
   */
  @Test
  void rank_twoFailures_theOneNearestTheStatedTimeLeads() {
    TraceCard early = card("e1", 0, 500);
    TraceCard near = card("e2", 9 * 60, 500);
    TraceCard late = card("e3", 25 * 60, 500);

    List<TraceCard> ranked = TraceRanking.rank(List.of(early, late, near), STATED);

    assertThat(ranked).containsExactly(near, early, late);
  }

  /** Failures before refusals before recovered before successes, whatever their times. */
  @Test
  void rank_mixedVerdicts_failuresThenRefusalsThenRecoveredThenSuccesses() {
    TraceCard success = card("e4", 600, 200);
    TraceCard refused = card("e5", 0, 409);
    TraceCard failed = card("e6", 30, 503);
    TraceCard recovered = recovered("e7", 600);

    List<TraceCard> ranked =
        TraceRanking.rank(List.of(success, refused, recovered, failed), STATED);

    assertThat(ranked).containsExactly(failed, refused, recovered, success);
  }

  /** Without a named moment the anchor is the window's end: the newest comes first. */
  @Test
  void rank_anchorAtTheWindowsEnd_newestFirst() {
    TraceCard older = card("e8", 0, 500);
    TraceCard newer = card("e9", 60, 500);

    assertThat(TraceRanking.rank(List.of(older, newer), TestSpans.T0.plusSeconds(3600)))
        .containsExactly(newer, older);
  }

  private static TraceCard card(String traceSuffix, long secondsAfterT0, int status) {
    Span entry =
        span("a")
            .server()
            .http(status)
            .at(secondsAfterT0 * 1000)
            .lasting(40)
            .traceId(traceId(traceSuffix))
            .build();
    return new TraceCard(
        TraceAnalyzer.analyze(new Trace(traceId(traceSuffix), List.of(entry))), Optional.empty());
  }

  private static TraceCard recovered(String traceSuffix, long secondsAfterT0) {
    String traceId = traceId(traceSuffix);
    long at = secondsAfterT0 * 1000;
    Trace trace =
        new Trace(
            traceId,
            List.of(
                span("a").server().http(200).at(at).lasting(40).traceId(traceId).build(),
                span("b")
                    .parent("a")
                    .client()
                    .name("GET")
                    .at(at + 1)
                    .error("timeout")
                    .traceId(traceId)
                    .build(),
                span("c").parent("a").client().name("GET").at(at + 5).traceId(traceId).build()));
    return new TraceCard(TraceAnalyzer.analyze(trace), Optional.empty());
  }

  private static String traceId(String suffix) {
    return "4bf92f3577b34da6a3ce929d0e0e4" + "0".repeat(3 - suffix.length()) + suffix;
  }
}
