package dev.tracelookup.backend.jaeger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanLink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Span links in Jaeger's UI JSON, where the OTLP translator writes them as {@code FOLLOWS_FROM}
 * references. The shape is a consumer in its own trace, pointing back at its producer:
 *
 * <pre>
 * trace 4bf92f35…  1 POST /api/v1/orders  └── 2 orders publish (PRODUCER)
 *                                                  ▲ FOLLOWS_FROM
 * trace 0af76519…  7 orders process ───────────────┘
 *                  └── 8 reserve stock  (CHILD_OF 7)
 * </pre>
 */
final class V1ReaderLinksTest {
  private static final String CONSUMER_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String PRODUCER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final SpanLink TO_PRODUCER =
      new SpanLink(PRODUCER_TRACE, "0000000000000002", Attributes.empty());

  /** Returns the consumer trace with span 8's references set to the given JSON array. */
  private static String consumerTrace(String span8References) {
    return """
    {"data":[{"traceID":"0af7651916cd43dd8448eb211c80319c","spans":[
      {"traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000007","operationName":"orders process",
       "references":[{"refType":"FOLLOWS_FROM","traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":"0000000000000002"}],
       "startTime":1770387443500000,"duration":100000,"tags":[],"logs":[],"processID":"p1"},
      {"traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000008","operationName":"reserve stock",
       "references":%s,
       "startTime":1770387443510000,"duration":50000,"tags":[],"logs":[],"processID":"p1"}],
     "processes":{"p1":{"serviceName":"fulfilment","tags":[]}}}],
     "total":0,"limit":0,"offset":0,"errors":null}
    """
        .formatted(span8References);
  }

  private static Span span(String json, String spanId) throws IOException {
    V1Response response =
        new V1Reader(Set.of("user.id")).read(new ByteArrayInputStream(json.getBytes(UTF_8)));
    return response.traces().get(0).spans().stream()
        .filter(span -> span.spanId().equals(spanId))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void read_followsFromIntoAnotherTrace_isALinkAndTheSpanStaysARoot() throws IOException {
    Span consumer = span(consumerTrace("[]"), "0000000000000007");

    assertThat(consumer.isRoot()).isTrue();
    assertThat(consumer.links()).containsExactly(TO_PRODUCER);
  }

  @Test
  void read_followsFromBesideItsChildOfParent_isALinkAndTheParentStaysTheChildOf()
      throws IOException {
    String references =
        """
        [{"refType":"FOLLOWS_FROM","traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":"0000000000000002"},
         {"refType":"CHILD_OF","traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000007"}]\
        """;

    Span reserve = span(consumerTrace(references), "0000000000000008");

    assertThat(reserve.parentSpanId()).isEqualTo("0000000000000007");
    assertThat(reserve.links()).containsExactly(TO_PRODUCER);
  }

  @Test
  void read_followsFromInTheSameTraceChosenAsParent_isNotAlsoALink() throws IOException {
    String references =
        """
        [{"refType":"FOLLOWS_FROM","traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000007"}]\
        """;

    Span reserve = span(consumerTrace(references), "0000000000000008");

    assertThat(reserve.parentSpanId()).isEqualTo("0000000000000007");
    assertThat(reserve.links()).isEmpty();
  }

  @Test
  void read_referencesWithUnreadableIds_areLeftOut() throws IOException {
    String references =
        """
        [{"refType":"FOLLOWS_FROM","traceID":"not hex","spanID":"0000000000000002"},
         {"refType":"FOLLOWS_FROM","traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":""},
         {"refType":"CHILD_OF","traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000007"},
         {"refType":"FOLLOWS_FROM","traceID":"4bf92f3577b34da6a3ce929d0e0e4736","spanID":"2"}]\
        """;

    Span reserve = span(consumerTrace(references), "0000000000000008");

    assertThat(reserve.parentSpanId()).isEqualTo("0000000000000007");
    assertThat(reserve.links()).containsExactly(TO_PRODUCER);
  }

  @Test
  void read_onlyAParent_sharesTheEmptyList() throws IOException {
    String references =
        """
        [{"refType":"CHILD_OF","traceID":"0af7651916cd43dd8448eb211c80319c","spanID":"0000000000000007"}]\
        """;

    Span reserve = span(consumerTrace(references), "0000000000000008");

    assertThat(reserve.links()).isSameAs(List.of());
    assertThat(reserve.traceId()).isEqualTo(CONSUMER_TRACE);
  }
}
