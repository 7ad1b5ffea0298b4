package dev.tracelookup.backend.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.StatusCode;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Span links in every OTLP dialect the reader takes. The shape is a consumer that runs in its own
 * trace and links back to the producer span that sent its message:
 *
 * <pre>
 * trace 4bf92f35…  1 POST /api/v1/orders  └── 2 orders publish (PRODUCER)
 *                                                  ▲ link
 * trace 0af76519…  7 orders process (CONSUMER) ────┘
 * </pre>
 */
final class OtlpJsonReaderLinksTest {
  private static final String PRODUCER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String PRODUCER_SPAN = "00f067aa0ba902b7";
  private static final SpanLink TO_PRODUCER =
      new SpanLink(
          PRODUCER_TRACE, PRODUCER_SPAN, Attributes.of("messaging.operation.type", "process"));

  private final OtlpJsonReader reader = new OtlpJsonReader(Set.of("user.id"));

  /** The consumer span with the given {@code "links"} value, then a status after it. */
  private static String consumer(String links) {
    return
"""
{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"fulfilment"}}]},
 "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"0000000000000007",
   "name":"orders process","kind":5,"startTimeUnixNano":"1770387443500000000","endTimeUnixNano":"1770387443600000000",
   "links":%s,
   "status":{"code":2,"message":"stock reservation failed"}}]}]}]}
"""
        .formatted(links);
  }

  private Span read(String json) throws IOException {
    List<Span> spans = reader.readAll(json.getBytes(UTF_8));
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void read_hexLinkAsTheCollectorWritesIt_keepsIdsAndAttributesAndIgnoresTheRest()
      throws IOException {
    String links =
        """
        [{"traceId":"4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"00f067aa0ba902b7","traceState":"rojo=00f067aa0ba902b7",
          "attributes":[{"key":"messaging.operation.type","value":{"stringValue":"process"}}],
          "droppedAttributesCount":0,"flags":257}]\
        """;

    Span span = read(consumer(links));

    assertThat(span.links()).containsExactly(TO_PRODUCER);
  }

  @Test
  void read_base64LinkAsTempoV2WritesIt_isNormalisedToHex() throws IOException {
    String json =
"""
{"trace":{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"fulfilment"}}]},
  "scopeSpans":[{"spans":[{"traceId":"CvdlGRbNQ92ESOshHIAxnA==","spanId":"AAAAAAAAAAc=","name":"orders process",
    "kind":"SPAN_KIND_CONSUMER","startTimeUnixNano":"1770387443500000000","endTimeUnixNano":"1770387443600000000",
    "links":[{"traceId":"S/kvNXezTaajzpKdDg5HNg==","spanId":"APBnqgupArc=",
      "attributes":[{"key":"messaging.operation.type","value":{"stringValue":"process"}}]}]}]}]}]},
 "status":"COMPLETE"}
""";

    Span span = read(json);

    assertThat(span.links()).containsExactly(TO_PRODUCER);
  }

  @Test
  void read_tempoV1BatchesWithSnakeCaseKeys_readsTheLink() throws IOException {
    String json =
"""
{"batches":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"fulfilment"}}]},
  "instrumentation_library_spans":[{"spans":[{"trace_id":"CvdlGRbNQ92ESOshHIAxnA==","span_id":"AAAAAAAAAAc=",
    "name":"orders process","kind":"SPAN_KIND_CONSUMER","start_time_unix_nano":"1770387443500000000",
    "end_time_unix_nano":"1770387443600000000",
    "links":[{"trace_id":"S/kvNXezTaajzpKdDg5HNg==","span_id":"APBnqgupArc=","trace_state":""}]}]}]}]}
""";

    Span span = read(json);

    assertThat(span.links())
        .containsExactly(new SpanLink(PRODUCER_TRACE, PRODUCER_SPAN, Attributes.empty()));
  }

  @Test
  void read_unreadableLinksBesideAGoodOne_skipsOnlyTheBadOnesAndReadsTheRestOfTheSpan()
      throws IOException {
    String links =
        """
        [{"spanId":"00f067aa0ba902b7"},
         {"traceId":"not-a-trace-id","spanId":"00f067aa0ba902b7"},
         {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"0000000000000000"},
         "a string where a link belongs", 42, null,
         {"traceId":{"nested":["deeper",{"x":1}]},"spanId":"00f067aa0ba902b7"},
         {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7","attributes":{"not":"a list"}},
         {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7",
          "attributes":[{"key":"k","value":"a string where an AnyValue belongs"}],"flags":1},
         {"traceId":"4bf92f3577b34da6a3ce929d0e0e4736","spanId":"00f067aa0ba902b7",
          "attributes":[{"key":"messaging.operation.type","value":{"stringValue":"process"}}]}]\
        """;

    Span span = read(consumer(links));

    assertThat(span.links()).containsExactly(TO_PRODUCER);
    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(span.status().message()).isEqualTo("stock reservation failed");
  }

  @Test
  void read_linksThatAreNotAList_areIgnoredAndTheSpanIsKept() throws IOException {
    for (String links :
        List.of("null", "\"none\"", "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}", "7")) {
      Span span = read(consumer(links));

      assertThat(span.links()).as(links).isEmpty();
      assertThat(span.status().code()).as(links).isEqualTo(StatusCode.ERROR);
    }
  }

  @Test
  void read_spanWithoutLinks_hasTheSharedEmptyList() throws IOException {
    String json = consumer("[]").replace("\"links\":[],", "");

    Span span = read(json);

    assertThat(span.links()).isSameAs(List.of());
  }
}
