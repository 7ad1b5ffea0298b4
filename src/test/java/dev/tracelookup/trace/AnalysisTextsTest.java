package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.span;
import static dev.tracelookup.trace.TestSpans.trace;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class AnalysisTextsTest {
  private static final String MARK = "MARK";
  private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

  /**
   * A consumer trace started by a producer's message, failing on a call that was retried first:
   * MARK is in every free text a span can carry, so that every text field an analysis holds,
   * today's and any added later, is filled with it.
   *
   * <pre>
   * producer  POST /orders/MARK → 202                      (linked trace: the trigger)
   * c  process MARK  CONSUMER  ERROR "failed for MARK"     link attributes, exception event
   * ├── d  GET /MARK  CLIENT 503   first attempt, retried
   * ├── e  GET /MARK  CLIENT 200   second attempt
   * └── f  POST /MARK CLIENT 502   server.address MARK.example   culprit
   * </pre>
   */
  private static TraceAnalysis markedEverywhere() {
    Trace producer =
        new Trace(
            OTHER_TRACE,
            List.of(
                span("b")
                    .traceId(OTHER_TRACE)
                    .server()
                    .service("shop-" + MARK)
                    .name("POST /orders/" + MARK)
                    .http(202)
                    .attribute("user.id", MARK)
                    .build()));
    Span consumer =
        span("c")
            .consumer()
            .service("worker-" + MARK)
            .name("process " + MARK)
            .lasting(100)
            .attribute("user.id", MARK)
            .attribute(MARK + ".key", "value of " + MARK)
            .error("failed for " + MARK)
            .exception(
                MARK + "Error",
                "boom for " + MARK,
                MARK + "Error: boom for " + MARK + "\n  at " + MARK + ".run(" + MARK + ".java:1)")
            .event(new SpanEvent("note " + MARK, 0, Attributes.of("why", MARK)))
            .build();
    Span linked =
        new Span(
            consumer.traceId(),
            consumer.spanId(),
            "",
            consumer.service(),
            consumer.name(),
            consumer.kind(),
            consumer.startEpochNanos(),
            consumer.durationNanos(),
            consumer.status(),
            consumer.attributes(),
            consumer.events(),
            List.of(
                new SpanLink(
                    OTHER_TRACE, TestSpans.id("b"), Attributes.of("messaging." + MARK, MARK))));
    Trace trace =
        trace(
            linked,
            span("d")
                .parent("c")
                .client()
                .service("worker-" + MARK)
                .name("GET /" + MARK)
                .at(1)
                .http(503)
                .error("unavailable for " + MARK)
                .attribute("server.address", MARK + ".example")
                .build(),
            span("e")
                .parent("c")
                .client()
                .service("worker-" + MARK)
                .name("GET /" + MARK)
                .at(10)
                .http(200)
                .attribute("server.address", MARK + ".example")
                .build(),
            span("f")
                .parent("c")
                .client()
                .service("worker-" + MARK)
                .name("POST /" + MARK)
                .at(20)
                .http(502)
                .error("bad gateway for " + MARK)
                .attribute("server.address", MARK + ".example")
                .build());
    return TraceAnalyzer.analyze(trace, List.of(producer));
  }

  @Test
  void rewrite_everyTextOfTheAnalysis_isRewritten() {
    TraceAnalysis analysis = markedEverywhere();
    assertThat(textsHolding(analysis, MARK))
        .as("the fixture fills the analysis")
        .hasSizeGreaterThan(20);
    assertThat(analysis.trigger()).isPresent();
    assertThat(analysis.errorPath()).isPresent();

    TraceAnalysis rewritten =
        AnalysisTexts.rewrite(analysis, text -> text.replace(MARK, "[x]"), true);

    assertThat(textsHolding(rewritten, MARK)).isEmpty();
    assertThat(textsHolding(rewritten, "boom for [x]")).isNotEmpty();
  }

  @Test
  void rewrite_idsTimesAndStatuses_stayAsTheyWere() {
    TraceAnalysis analysis = markedEverywhere();

    TraceAnalysis rewritten =
        AnalysisTexts.rewrite(analysis, text -> text.replace(MARK, "[x]"), true);

    assertThat(rewritten.summary().traceId()).isEqualTo(analysis.summary().traceId());
    assertThat(rewritten.summary().start()).isEqualTo(analysis.summary().start());
    assertThat(rewritten.verdict().kind()).isEqualTo(analysis.verdict().kind());
    assertThat(rewritten.linkedTraceIds()).isEqualTo(analysis.linkedTraceIds());
    ErrorPath path = rewritten.errorPath().orElseThrow();
    assertThat(path.steps())
        .extracting(step -> step.span().spanId())
        .isEqualTo(
            analysis.errorPath().orElseThrow().steps().stream()
                .map(step -> step.span().spanId())
                .toList());
    assertThat(path.culprit().httpStatus()).isEqualTo(502);
    assertThat(rewritten.timeline())
        .extracting(TimelineRow::spanId)
        .isEqualTo(analysis.timeline().stream().map(TimelineRow::spanId).toList());
  }

  @Test
  void rewrite_withoutExceptionMessages_keepsTheTypeAndFramesAndDropsTheMessageEverywhere() {
    TraceAnalysis analysis = markedEverywhere();

    TraceAnalysis rewritten = AnalysisTexts.rewrite(analysis, text -> text, false);

    assertThat(textsHolding(rewritten, "boom")).isEmpty();
    ExceptionInfo exception = rewritten.errorPath().orElseThrow().entry().exception().orElseThrow();
    assertThat(exception.type()).isEqualTo(MARK + "Error");
    assertThat(exception.message()).isEmpty();
    assertThat(exception.stackFrames()).containsExactly("at " + MARK + ".run(" + MARK + ".java:1)");
  }

  @Test
  void rewrite_withoutExceptionMessages_dropsAStatusMessageThatRepeatsTheException() {
    Trace trace =
        trace(
            span("a")
                .server()
                .http(500)
                .error("card declined for jane (order 42)")
                .exception("DeclinedError", "card declined for jane", "")
                .build());

    TraceAnalysis rewritten =
        AnalysisTexts.rewrite(TraceAnalyzer.analyze(trace), text -> text, false);

    assertThat(textsHolding(rewritten, "declined for jane")).isEmpty();
    assertThat(rewritten.errorPath().orElseThrow().culprit().exception())
        .map(ExceptionInfo::type)
        .hasValue("DeclinedError");
  }

  @Test
  void rewrite_withoutExceptionMessages_keepsAStatusMessageOfItsOwn() {
    Trace trace = trace(span("a").server().http(500).error("upstream answered 502").build());

    TraceAnalysis rewritten =
        AnalysisTexts.rewrite(TraceAnalyzer.analyze(trace), text -> text, false);

    assertThat(rewritten.errorPath().orElseThrow().culprit().span().status().message())
        .isEqualTo("upstream answered 502");
  }

  /**
   * Returns every string reachable from the value, through records, optionals, collections and
   * maps.
   */
  private static List<String> textsHolding(Object value, String needle) {
    List<String> found = new ArrayList<>();
    walk(value, needle, found);
    return found;
  }

  private static void walk(Object value, String needle, List<String> found) {
    if (value instanceof String text) {
      if (text.contains(needle)) {
        found.add(text);
      }
    } else if (value instanceof Optional<?> optional) {
      optional.ifPresent(inner -> walk(inner, needle, found));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(item -> walk(item, needle, found));
    } else if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, item) -> {
            walk(key, needle, found);
            walk(item, needle, found);
          });
    } else if (value != null && value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        try {
          walk(component.getAccessor().invoke(value), needle, found);
        } catch (ReflectiveOperationException unreadable) {
          throw new AssertionError(unreadable);
        }
      }
    }
  }
}
