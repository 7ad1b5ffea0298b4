package dev.tracelookup.backend.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class OtlpJsonReaderTest {
  private static final Set<String> USER_KEYS = Set.of("user.id", "enduser.id");

  private final OtlpJsonReader reader = new OtlpJsonReader(USER_KEYS);

  /** The example of reference/backends.md §4, as the OTLP spec writes it. */
  private static final String SPEC_EXAMPLE =
"""
{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payments"}}]},
 "scopeSpans":[{"scope":{"name":"io.opentelemetry.spring-webmvc-6.0"},"spans":[{
  "traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"1234567890abcdef","parentSpanId":"00f067aa0ba902b7",
  "name":"POST /charge","kind":2,"startTimeUnixNano":"1795554220012000000","endTimeUnixNano":"1795554220112000000",
  "attributes":[{"key":"user.id","value":{"stringValue":"usr_1"}},{"key":"http.response.status_code","value":{"intValue":"502"}}],
  "events":[{"timeUnixNano":"1795554220090000000","name":"exception","attributes":[
     {"key":"exception.type","value":{"stringValue":"java.lang.IllegalStateException"}},
     {"key":"exception.message","value":{"stringValue":"card declined"}}]}],
  "status":{"code":2,"message":"card declined"}}]}]}]}
""";

  @Test
  void readAll_specExample_mapsEveryField() throws IOException {
    byte[] json = SPEC_EXAMPLE.getBytes(UTF_8);

    List<Span> spans = reader.readAll(json);

    Span expected =
        new Span(
            "0af7651916cd43dd8448eb211c80319c",
            "1234567890abcdef",
            "00f067aa0ba902b7",
            "payments",
            "POST /charge",
            SpanKind.SERVER,
            1795554220012000000L,
            100_000_000L,
            SpanStatus.error("card declined"),
            Attributes.of("user.id", "usr_1", "http.response.status_code", "502"),
            List.of(
                new SpanEvent(
                    "exception",
                    1795554220090000000L,
                    Attributes.of(
                        "exception.type", "java.lang.IllegalStateException",
                        "exception.message", "card declined"))));
    assertThat(spans).containsExactly(expected);
  }

  @Test
  void readAll_tempoV2WithBase64IdsAndEnumNames_decodesBoth() throws IOException {
    String json =
"""
{"trace":{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"payments"}}]},
  "scopeSpans":[{"spans":[{"traceId":"CvdlGRbNQ92ESOshHIAxnA==","spanId":"EjRWeJCrze8=",
    "parentSpanId":"APBnqgupArc=","name":"POST /charge","kind":"SPAN_KIND_CLIENT",
    "startTimeUnixNano":"1795554220012000000","endTimeUnixNano":"1795554220112000000",
    "status":{"code":"STATUS_CODE_ERROR"}}]}]}]},
 "metrics":{"inspectedBytes":"1234"},"status":"COMPLETE"}
""";

    Span span = reader.readAll(json.getBytes(UTF_8)).get(0);

    assertThat(span.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.spanId()).isEqualTo("1234567890abcdef");
    assertThat(span.parentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void read_envelopeFieldsAfterTheTrace_reachTheEnvelopeSinkButNestedOnesDoNot()
      throws IOException {
    String json =
"""
{"trace":{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"CvdlGRbNQ92ESOshHIAxnA==",
   "spanId":"EjRWeJCrze8=","name":"GET /"}]}]}],"note":"nested"},
 "metrics":{"inspectedBytes":"1234"},"status":"PARTIAL","message":"trace exceeds max size","gone":null}
""";
    List<Span> spans = new ArrayList<>();
    List<String> envelope = new ArrayList<>();

    reader.read(
        new ByteArrayInputStream(json.getBytes(UTF_8)),
        spans::add,
        (name, value) -> envelope.add(name + "=" + value));

    assertThat(spans).hasSize(1);
    assertThat(envelope).containsExactly("status=PARTIAL", "message=trace exceeds max size");
  }

  @Test
  void readAll_tempoV1BatchesWithInstrumentationLibrarySpans_readsSpans() throws IOException {
    String json =
"""
{"batches":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"frontend"}}]},
  "instrumentationLibrarySpans":[{"instrumentationLibrary":{"name":"old"},"spans":[
    {"traceId":"AAAAAAAAAABiDwOiJTxeNw==","spanId":"JP0sEuuWMZA=","name":"GET /","kind":"SPAN_KIND_SERVER"}]}]}]}
""";

    Span span = reader.readAll(json.getBytes(UTF_8)).get(0);

    assertThat(span.traceId()).isEqualTo("0000000000000000620f03a2253c5e37");
    assertThat(span.service()).isEqualTo("frontend");
    assertThat(span.isRoot()).isTrue();
  }

  @Test
  void readAll_jaegerV3ResultEnvelope_readsSpans() throws IOException {
    String json =
"""
{"result":{"resourceSpans":[{"scopeSpans":[{"spans":[
  {"traceId":"0AF7651916CD43DD8448EB211C80319C","spanId":"1234567890ABCDEF","kind":3}]}]}]}}
""";

    Span span = reader.readAll(json.getBytes(UTF_8)).get(0);

    assertThat(span.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    assertThat(span.spanId()).isEqualTo("1234567890abcdef");
    assertThat(span.service()).isEqualTo(Span.UNKNOWN_SERVICE);
  }

  @Test
  void readAll_snakeCaseKeysAsInGrafanaFixtures_readsEveryField() throws IOException {
    String json =
"""
{"resource_spans":[{"resource":{"attributes":[{"key":"service.name","value":{"string_value":"loki-all"}}]},
  "scope_spans":[{"scope":{},"spans":[{"trace_id":"AAAAAAAAAABiDwOiJTxeNw==","span_id":"JP0sEuuWMZA=",
    "parent_span_id":"SZOr96Psndc=","name":"QUERY","kind":3,
    "start_time_unix_nano":1616072924071839000,"end_time_unix_nano":1616072924071843000,
    "attributes":[{"key":"hits","value":{"int_value":16}}],
    "events":[{"time_unix_nano":1616072924071994000,"attributes":[{"key":"level","value":{"string_value":"debug"}}]}],
    "status":{}}]}]}]}
""";

    Span span = reader.readAll(json.getBytes(UTF_8)).get(0);

    assertThat(span.service()).isEqualTo("loki-all");
    assertThat(span.durationNanos()).isEqualTo(4_000L);
    assertThat(span.attributes().get("hits")).contains("16");
    assertThat(span.events())
        .extracting(SpanEvent::epochNanos)
        .containsExactly(1616072924071994000L);
    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
  }

  @Test
  void readAll_int64AndEnumsAsNumbersOrStrings_readTheSame() throws IOException {
    String asNumbers =
        span(
            "\"kind\":2,\"startTimeUnixNano\":1000,\"endTimeUnixNano\":3000,\"status\":{\"code\":2}");
    String asStrings =
        span(
            "\"kind\":\"2\",\"startTimeUnixNano\":\"1000\",\"endTimeUnixNano\":\""
                + " 3000\",\"status\":{\"code\":\"2\"}");

    Span fromNumbers = reader.readAll(asNumbers.getBytes(UTF_8)).get(0);
    Span fromStrings = reader.readAll(asStrings.getBytes(UTF_8)).get(0);

    assertThat(fromNumbers).isEqualTo(fromStrings);
    assertThat(fromNumbers.startEpochNanos()).isEqualTo(1000L);
    assertThat(fromNumbers.durationNanos()).isEqualTo(2000L);
    assertThat(fromNumbers.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(fromNumbers.status().isError()).isTrue();
  }

  @Test
  void readAll_timestampsAtTheEdgesOfALong_readOrFail() throws IOException {
    String largest =
        span("\"startTimeUnixNano\":\"0\",\"endTimeUnixNano\":\"9223372036854775807\"");
    String tooLarge = span("\"startTimeUnixNano\":\"9223372036854775808\"");
    String signed = span("\"startTimeUnixNano\":\"+1000\"");

    Span span = reader.readAll(largest.getBytes(UTF_8)).get(0);

    assertThat(span.durationNanos()).isEqualTo(Long.MAX_VALUE);
    assertThat(reader.readAll(signed.getBytes(UTF_8)).get(0).startEpochNanos()).isEqualTo(1000L);
    assertThatThrownBy(() -> reader.readAll(tooLarge.getBytes(UTF_8)))
        .isInstanceOf(OtlpFormatException.class)
        .hasMessageStartingWith("expected a whole number for 'startTimeUnixNano'");
  }

  @Test
  void readAll_enumNumbersOutOfRange_readAsUnspecified() throws IOException {
    String huge = span("\"kind\":99999999999999999999,\"status\":{\"code\":12345678901}");
    String negative = span("\"kind\":-0,\"status\":{\"code\":-2}");

    Span fromHuge = reader.readAll(huge.getBytes(UTF_8)).get(0);
    Span fromNegative = reader.readAll(negative.getBytes(UTF_8)).get(0);

    assertThat(fromHuge.kind()).isEqualTo(SpanKind.UNSPECIFIED);
    assertThat(fromHuge.status().code()).isEqualTo(StatusCode.UNSET);
    assertThat(fromNegative.kind()).isEqualTo(SpanKind.UNSPECIFIED);
    assertThat(fromNegative.status().code()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void readAll_repeatedAttributeKey_keepsTheLastValue() throws IOException {
    String json =
        span(
"""
"attributes":[{"key":"a","value":{"stringValue":"first"}},{"key":"b","value":{"intValue":1}},
  {"key":"a","value":{"stringValue":"last"}},
  {"key":"kv","value":{"kvlistValue":{"values":[{"key":"k","value":{"intValue":1}},
    {"key":"j","value":{}},{"key":"k","value":{"intValue":2}}]}}}]
""");

    Attributes attributes = reader.readAll(json.getBytes(UTF_8)).get(0).attributes();

    assertThat(attributes.values())
        .containsOnly(entry("a", "last"), entry("b", "1"), entry("kv", "{\"k\":2,\"j\":null}"));
  }

  @Test
  void readAll_everyAnyValueKind_turnsToItsStringForm() throws IOException {
    String json =
        span(
"""
"attributes":[
  {"key":"s","value":{"stringValue":"text"}},
  {"key":"b","value":{"boolValue":true}},
  {"key":"i","value":{"intValue":"-42"}},
  {"key":"d","value":{"doubleValue":0.25}},
  {"key":"bytes","value":{"bytesValue":"AQID"}},
  {"key":"empty","value":{}},
  {"key":"arr","value":{"arrayValue":{"values":[{"stringValue":"a\\"b"},{"intValue":"7"},{"boolValue":false},{}]}}},
  {"key":"kv","value":{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":"NaN"}},
    {"key":"nested","value":{"arrayValue":{"values":[{"intValue":1}]}}}]}}}]
""");

    Attributes attributes = reader.readAll(json.getBytes(UTF_8)).get(0).attributes();

    assertThat(attributes.values())
        .containsEntry("s", "text")
        .containsEntry("b", "true")
        .containsEntry("i", "-42")
        .containsEntry("d", "0.25")
        .containsEntry("bytes", "AQID")
        .containsEntry("empty", "")
        .containsEntry("arr", "[\"a\\\"b\",7,false,null]")
        .containsEntry("kv", "{\"k\":\"NaN\",\"nested\":[1]}");
  }

  @Test
  void readAll_resourceKeysToKeep_copiesOnlyThoseAndSpanValueWins() throws IOException {
    String json =
"""
{"resourceSpans":[{"resource":{"attributes":[
    {"key":"service.name","value":{"stringValue":"orders"}},
    {"key":"enduser.id","value":{"stringValue":"usr_resource"}},
    {"key":"user.id","value":{"stringValue":"usr_resource"}},
    {"key":"host.name","value":{"stringValue":"pod-1"}}]},
  "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"1234567890abcdef",
    "attributes":[{"key":"user.id","value":{"stringValue":"usr_span"}}]}]}]}]}
""";

    Span span = reader.readAll(json.getBytes(UTF_8)).get(0);

    assertThat(span.attributes().values())
        .containsOnly(entry("user.id", "usr_span"), entry("enduser.id", "usr_resource"));
  }

  @Test
  void read_resourceWrittenAfterItsSpans_stillNamesTheService() throws IOException {
    String json =
"""
{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"1234567890abcdef"}]}],
  "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"late"}},
                            {"key":"user.id","value":{"stringValue":"usr_1"}}]}}]}
""";

    List<Span> spans = reader.readAll(new ByteArrayInputStream(json.getBytes(UTF_8)));

    assertThat(spans)
        .singleElement()
        .satisfies(
            span -> {
              assertThat(span.service()).isEqualTo("late");
              assertThat(span.attributes().get("user.id")).contains("usr_1");
            });
  }

  @Test
  void readAll_unknownFieldsAndNulls_areIgnored() throws IOException {
    String json =
"""
{"schemaUrl":"x","futureField":{"deep":[1,{"a":[]}]},"resourceSpans":[null,{"resource":null,
  "scopeSpans":[{"scope":{"name":"s","attributes":[]},"schemaUrl":"y","spans":[null,
    {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"1234567890abcdef","parentSpanId":"",
     "name":null,"links":[{"traceId":"00","spanId":"00"}],"droppedEventsCount":3,"flags":257,
     "traceState":"k=v","status":null,"events":null,"attributes":null}]}]}]}
""";

    Span span = reader.readAll(json.getBytes(UTF_8)).get(0);

    assertThat(span.isRoot()).isTrue();
    assertThat(span.name()).isEmpty();
    assertThat(span.attributes().isEmpty()).isTrue();
    assertThat(span.events()).isEmpty();
  }

  @Test
  void read_severalResources_givesSpansInDocumentOrder() throws IOException {
    String json =
"""
{"resourceSpans":[
  {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"a"}}]},
   "scopeSpans":[{"spans":[{"traceId":"01","spanId":"01"},{"traceId":"01","spanId":"02"}]}]},
  {"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"b"}}]},
   "scopeSpans":[{"spans":[{"traceId":"02","spanId":"03"}]},{"spans":[{"traceId":"02","spanId":"04"}]}]}]}
""";

    List<Span> spans = reader.readAll(json.getBytes(UTF_8));

    assertThat(spans).extracting(Span::service).containsExactly("a", "a", "b", "b");
    assertThat(spans)
        .extracting(Span::spanId)
        .containsExactly(
            "0000000000000001", "0000000000000002", "0000000000000003", "0000000000000004");
  }

  @Test
  void read_lineInsideLargerBuffer_readsOnlyThatSlice() throws IOException {
    byte[] buffer = ("garbage" + SPEC_EXAMPLE + "garbage").getBytes(UTF_8);
    int length = SPEC_EXAMPLE.getBytes(UTF_8).length;
    List<Span> spans = new ArrayList<>();

    reader.read(buffer, "garbage".length(), length, spans::add);

    assertThat(spans).extracting(Span::name).containsExactly("POST /charge");
  }

  private static String span(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"0af7651916cd43dd8448eb211c80319c\","
               + "\"spanId\":\"1234567890abcdef\","
        + fields
        + "}]}]}]}";
  }
}
