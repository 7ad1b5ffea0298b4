package dev.tracelookup.lookup;

import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

final class QueuedWorkTest {
  private static final String OTHER = "0af7651916cd43dd8448eb211c80319c";

  /**
   *
   *
   * <pre>
   * 1 POST /api/v1/orders
   * ├── 2 orders publish (PRODUCER)      └── 5 orders process (CONSUMER)   consumer in the trace
   * ├── 3 emails publish (PRODUCER)      ◄── 6 links to it                 consumer in the trace, by link
   * └── 4 audit publish  (PRODUCER)      └── 7 kafka send (CLIENT)          no consumer here
   * </pre>
   */
  @Test
  void producersWithoutConsumer_onlyProducersNoConsumerChildOrLinkAnswers() {
    Trace trace =
        TestSpans.trace(
            span("1").server().name("POST /api/v1/orders").build(),
            span("2").parent("1").producer().name("orders publish").build(),
            span("3").parent("1").producer().name("emails publish").build(),
            span("4").parent("1").producer().name("audit publish").build(),
            span("5").parent("2").consumer().name("orders process").build(),
            span("6").consumer().name("emails process").link(TestSpans.TRACE_ID, "3").build(),
            span("7").parent("4").client().name("kafka send").build());

    List<Span> open = QueuedWork.producersWithoutConsumer(trace);

    assertThat(open).extracting(Span::name).containsExactly("audit publish");
  }

  @Test
  void producersWithoutConsumer_traceWithoutProducers_isEmpty() {
    assertThat(QueuedWork.producersWithoutConsumer(TestSpans.orderPaymentFailure())).isEmpty();
  }

  @Test
  void linkedTraceIds_linksIntoOtherTraces_eachOnceInSpanOrderUpToTheMaximum() {
    Trace trace =
        TestSpans.trace(
            span("1").link(OTHER, "9").link(TestSpans.TRACE_ID, "2").build(),
            span("2").link(OTHER, "8").link("1af7651916cd43dd8448eb211c80319c", "7").build(),
            span("3").link("2af7651916cd43dd8448eb211c80319c", "7").build());

    assertThat(QueuedWork.linkedTraceIds(trace, 2))
        .containsExactly(OTHER, "1af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void names_repeatedAndMany_areListedOnceAndCounted() {
    List<Span> spans =
        List.of(
            span("1").name("a").build(),
            span("2").name("a").build(),
            span("3").name("b").build(),
            span("4").name("c").build());

    assertThat(QueuedWork.names(spans, 3)).isEqualTo("a, b, c");
    assertThat(QueuedWork.names(spans, 2)).isEqualTo("a, b and 1 more");
  }
}
