package dev.tracelookup.backend.jaeger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.Trace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class V1ReaderTest {
  /**
   * The shape of jaegertracing/jaeger internal/uimodel/converter/v1/json/fixtures/ui_01.json in the
   * search envelope: typed tags, logs with and without {@code event}, a reference into another
   * trace before the real parent, span warnings.
   */
  private static final String UI_01 =
      """
      {"data":[{"traceID":"00000000000000000000000000000001","spans":[
        {"traceID":"00000000000000000000000000000001","spanID":"0000000000000002",
         "operationName":"test-general-conversion","references":[],"startTime":1485467191639875,
         "duration":5,"tags":[],"logs":[
           {"timestamp":1485467191639875,
            "fields":[{"key":"event","type":"string","value":"some-event"}]},
           {"timestamp":1485467191639875,"fields":[{"key":"x","type":"string","value":"y"}]}],
         "processID":"p1","warnings":null},
        {"traceID":"00000000000000000000000000000001","spanID":"0000000000000003",
         "operationName":"some-operation","references":[],"startTime":1485467191639875,"duration":5,
         "tags":[{"key":"peer.service","type":"string","value":"service-y"},
                 {"key":"peer.ipv4","type":"int64","value":23456},
                 {"key":"error","type":"bool","value":true},
                 {"key":"temperature","type":"float64","value":72.5},
                 {"key":"javascript_limit","type":"int64","value":"9223372036854775222"},
                 {"key":"blob","type":"binary","value":"AAAwOQ=="}],
         "logs":[],"processID":"p1","warnings":null},
        {"traceID":"00000000000000000000000000000001","spanID":"0000000000000004",
         "operationName":"reference-test","references":[
           {"refType":"CHILD_OF","traceID":"000000000000000000000000000000ff",
            "spanID":"00000000000000ff"},
           {"refType":"CHILD_OF","traceID":"00000000000000000000000000000001",
            "spanID":"0000000000000002"},
           {"refType":"FOLLOWS_FROM","traceID":"00000000000000000000000000000001",
            "spanID":"0000000000000003"}],
         "startTime":1485467191639875,"duration":5,"tags":[],"logs":[],"processID":"p2",
         "warnings":["some span warning"]}],
       "processes":{"p1":{"serviceName":"service-x","tags":[]},
                    "p2":{"serviceName":"service-y","tags":[]}},
       "warnings":["some trace warning"]}],
       "total":0,"limit":0,"offset":0,"errors":null}\
      """;

  private static V1Response read(String json) throws IOException {
    return new V1Reader(Set.of("user.id", "enduser.id"))
        .read(new ByteArrayInputStream(json.getBytes(UTF_8)));
  }

  private static Trace only(String json) throws IOException {
    V1Response response = read(json);
    assertThat(response.traces()).hasSize(1);
    return response.traces().get(0);
  }

  private static Span span(Trace trace, String spanId) {
    return trace.spans().stream().filter(s -> s.spanId().equals(spanId)).findFirst().orElseThrow();
  }

  /** Returns one trace with one span whose tags and logs are the given JSON arrays. */
  private static String oneSpan(String tags, String logs) {
    return """
    {"data":[{"traceID":"8448eb211c80319c","spans":[{"traceID":"8448eb211c80319c",\
    "spanID":"00f067aa0ba902b7","operationName":"POST /charge","references":[],\
    "startTime":1795554220010000,"duration":120000,"tags":%s,"logs":%s,"processID":"p1",\
    "warnings":null}],"processes":{"p1":{"serviceName":"payments","tags":[\
    {"key":"host.name","type":"string","value":"h1"}]}},"warnings":null}],\
    "total":0,"limit":0,"offset":0,"errors":null}\
    """
        .formatted(tags, logs);
  }

  private static Span onlySpan(String tags, String logs) throws IOException {
    return only(oneSpan(tags, logs)).spans().get(0);
  }

  @Test
  void read_uiFixture_resolvesProcessesWrittenAfterTheSpans() throws IOException {
    Trace trace = only(UI_01);

    assertThat(trace.traceId()).isEqualTo("00000000000000000000000000000001");
    assertThat(trace.spans())
        .extracting(Span::service)
        .containsExactly("service-x", "service-x", "service-y");
  }

  @Test
  void read_uiFixture_keepsEveryTagTypeAsText() throws IOException {
    Span tagged = span(only(UI_01), "0000000000000003");

    assertThat(tagged.attributes().values())
        .containsOnly(
            java.util.Map.entry("peer.service", "service-y"),
            java.util.Map.entry("peer.ipv4", "23456"),
            java.util.Map.entry("temperature", "72.5"),
            java.util.Map.entry("javascript_limit", "9223372036854775222"),
            java.util.Map.entry("blob", "AAAwOQ=="));
    assertThat(tagged.status()).isEqualTo(SpanStatus.error(""));
  }

  @Test
  void read_uiFixture_parentIsTheFirstChildOfInTheSameTrace() throws IOException {
    Trace trace = only(UI_01);

    assertThat(span(trace, "0000000000000004").parentSpanId()).isEqualTo("0000000000000002");
    assertThat(span(trace, "0000000000000002").isRoot()).isTrue();
  }

  @Test
  void read_uiFixture_logsBecomeEventsNamedByTheirEventField() throws IOException {
    Span logged = span(only(UI_01), "0000000000000002");

    assertThat(logged.events()).extracting(SpanEvent::name).containsExactly("some-event", "");
    assertThat(logged.events().get(0).epochNanos()).isEqualTo(1485467191639875000L);
    assertThat(logged.events().get(0).attributes().isEmpty()).isTrue();
    assertThat(logged.events().get(1).attributes().get("x")).hasValue("y");
  }

  @Test
  void read_microseconds_becomeNanoseconds() throws IOException {
    Span span = onlySpan("[]", "[]");

    assertThat(span.startEpochNanos()).isEqualTo(1795554220010000000L);
    assertThat(span.durationNanos()).isEqualTo(120000000L);
  }

  @Test
  void read_64BitTraceId_isLeftPadded() throws IOException {
    Trace trace = only(oneSpan("[]", "[]"));

    assertThat(trace.traceId()).isEqualTo("00000000000000008448eb211c80319c");
    assertThat(trace.spans().get(0).traceId()).isEqualTo("00000000000000008448eb211c80319c");
  }

  @Test
  void read_otlpMappedError_readsKindStatusAndExceptionLog() throws IOException {
    Span span =
        onlySpan(
            """
            [{"key":"span.kind","type":"string","value":"client"},
             {"key":"error","type":"bool","value":true},
             {"key":"otel.status_code","type":"string","value":"ERROR"},
             {"key":"otel.status_description","type":"string","value":"card declined"},
             {"key":"http.response.status_code","type":"int64","value":502}]\
            """,
            """
            [{"timestamp":1795554220090000,"fields":[
              {"key":"event","type":"string","value":"exception"},
              {"key":"exception.type","type":"string","value":"java.io.IOException"},
              {"key":"exception.message","type":"string","value":"gateway refused"}]}]\
            """);

    assertThat(span.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.status()).isEqualTo(SpanStatus.error("card declined"));
    assertThat(span.attributes().values()).containsOnlyKeys("http.response.status_code");
    assertThat(span.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.isException()).isTrue();
              assertThat(event.attributes().get("exception.type")).hasValue("java.io.IOException");
              assertThat(event.epochNanos()).isEqualTo(1795554220090000000L);
            });
  }

  @Test
  void read_statusCodeWithoutErrorTag_readsOkAndError() throws IOException {
    Span ok =
        onlySpan("[{\"key\":\"otel.status_code\",\"type\":\"string\",\"value\":\"OK\"}]", "[]");
    Span error =
        onlySpan(
            "[{\"key\":\"otel.status_code\",\"type\":\"string\",\"value\":\"ERROR\"},"
                + "{\"key\":\"error.message\",\"type\":\"string\",\"value\":\"timeout\"}]",
            "[]");

    assertThat(ok.status()).isEqualTo(new SpanStatus(StatusCode.OK, ""));
    assertThat(error.status()).isEqualTo(SpanStatus.error("timeout"));
  }

  @Test
  void read_errorTagAsString_countsLikeJaegerUi() throws IOException {
    Span span = onlySpan("[{\"key\":\"error\",\"type\":\"string\",\"value\":\"true\"}]", "[]");

    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void read_errorTagTrueAndStatusOk_errorWins() throws IOException {
    Span span =
        onlySpan(
            "[{\"key\":\"otel.status_code\",\"type\":\"string\",\"value\":\"OK\"},"
                + "{\"key\":\"error\",\"type\":\"bool\",\"value\":true}]",
            "[]");

    assertThat(span.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(span.attributes().isEmpty()).isTrue();
  }

  @Test
  void read_errorTagFalse_isUnsetAndKept() throws IOException {
    Span span = onlySpan("[{\"key\":\"error\",\"type\":\"bool\",\"value\":false}]", "[]");

    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.attributes().get("error")).hasValue("false");
  }

  @Test
  void read_openTracingErrorLog_becomesAnExceptionEvent() throws IOException {
    Span span =
        onlySpan(
            "[{\"key\":\"error\",\"type\":\"bool\",\"value\":true}]",
            """
            [{"timestamp":1795554220090000,"fields":[
              {"key":"event","type":"string","value":"error"},
              {"key":"error.kind","type":"string","value":"TimeoutException"},
              {"key":"message","type":"string","value":"gateway timeout"},
              {"key":"stack","type":"string","value":"TimeoutException\\n  at a.B.c(B.java:1)"}]}]\
            """);

    assertThat(span.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.name()).isEqualTo(SpanEvent.EXCEPTION);
              assertThat(event.attributes().get("exception.type")).hasValue("TimeoutException");
              assertThat(event.attributes().get("exception.message")).hasValue("gateway timeout");
              assertThat(event.attributes().get("exception.stacktrace"))
                  .hasValue("TimeoutException\n  at a.B.c(B.java:1)");
            });
  }

  @Test
  void read_userIdOnTheProcess_isCopiedOntoItsSpansButOtherProcessTagsAreNot() throws IOException {
    String json =
        oneSpan("[]", "[]")
            .replace(
                "{\"key\":\"host.name\",\"type\":\"string\",\"value\":\"h1\"}",
                "{\"key\":\"host.name\",\"type\":\"string\",\"value\":\"h1\"},"
                    + "{\"key\":\"user.id\",\"type\":\"string\",\"value\":\"usr_k8x9m2\"}");

    Span span = only(json).spans().get(0);

    assertThat(span.attributes().values())
        .containsOnly(java.util.Map.entry("user.id", "usr_k8x9m2"));
  }

  @Test
  void read_processesBeforeSpans_resolveTheSame() throws IOException {
    String json =
        """
        {"data":[{"processes":{"p1":{"serviceName":"frontend","tags":[]}},"traceID":"1",
          "spans":[{"spanID":"2","traceID":"1","processID":"p1","operationName":"GET /"}]}]}\
        """;

    Span span = only(json).spans().get(0);

    assertThat(span.service()).isEqualTo("frontend");
    assertThat(span.spanId()).isEqualTo("0000000000000002");
  }

  @Test
  void read_deprecatedParentSpanId_isTheParentWhenThereAreNoReferences() throws IOException {
    String json =
        """
        {"data":[{"traceID":"1","spans":[{"spanID":"2","traceID":"1","parentSpanID":"1",
          "processID":"p9","startTime":"1795554220010000"}],"processes":{}}]}\
        """;

    Span span = only(json).spans().get(0);

    assertThat(span.parentSpanId()).isEqualTo("0000000000000001");
    assertThat(span.service()).isEqualTo(Span.UNKNOWN_SERVICE);
    assertThat(span.startEpochNanos()).isEqualTo(1795554220010000000L);
  }

  @Test
  void read_errorsWithoutData_returnsTheMessages() throws IOException {
    V1Response response = read(V1Json.error(500, "elasticsearch: index not found"));

    assertThat(response.traces()).isEmpty();
    assertThat(response.errors()).containsExactly("elasticsearch: index not found (500)");
  }

  @Test
  void read_emptyData_hasNoTraces() throws IOException {
    V1Response response =
        read("{\"data\":[],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");

    assertThat(response.traces()).isEmpty();
    assertThat(response.errors()).isEmpty();
  }

  @Test
  void read_notJaegerJson_failsWithTheReason() {
    assertThatThrownBy(() -> read("[1,2]"))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("the answer is not a JSON object");
    assertThatThrownBy(() -> read("{\"data\":{\"spans\":[]}}"))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("expected an array for 'data'");
    assertThatThrownBy(() -> read("{\"data\":[{\"spans\":[{\"traceID\":\"1\"}]}]}"))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("a span has no valid spanID");
    assertThatThrownBy(
            () ->
                read(
                    "{\"data\":[{\"spans\":[{\"traceID\":\"1\",\"spanID\":\"2\","
                        + "\"startTime\":\"soon\"}]}]}"))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("expected a whole number for 'startTime'");
    assertThatThrownBy(() -> read("{\"data\":[")).isInstanceOf(JaegerFormatException.class);
  }

  @Test
  void read_invalidJson_failsWithJaegerFormatExceptionThatDoesNotQuoteTheInput() {
    assertThatThrownBy(() -> read("{\"data\":[{\"spans\":[{\"traceID\":usr_k8x9m2}]}]}"))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("not valid JSON (JsonParseException) at line 1")
        .hasMessageNotContaining("usr_k8x9m2");
    assertThatThrownBy(() -> read("[".repeat(10_000)))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("the answer is not a JSON object");
    assertThatThrownBy(() -> read("{\"unknown\":" + "[".repeat(10_000)))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("not valid JSON (StreamConstraintsException)");
  }

  @Test
  void read_idsOfTheWrongLength_failTheAnswer() {
    String tooLong =
        "{\"data\":[{\"spans\":[{\"traceID\":\"" + "a".repeat(48) + "\",\"spanID\":\"2\"}]}]}";
    String spanTooLong =
        "{\"data\":[{\"spans\":[{\"traceID\":\"1\",\"spanID\":\"" + "b".repeat(20) + "\"}]}]}";

    assertThatThrownBy(() -> read(tooLong))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("a span has no valid traceID");
    assertThatThrownBy(() -> read(spanTooLong))
        .isInstanceOf(JaegerFormatException.class)
        .hasMessageStartingWith("a span has no valid spanID");
  }
}
