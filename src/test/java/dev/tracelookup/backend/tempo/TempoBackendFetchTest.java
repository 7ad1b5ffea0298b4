package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TempoBackendFetchTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
  private static final String TRACE_ID = TestSpans.TRACE_ID;

  /** The v2 answer of docs/sources/tempo/api_docs/pushing-spans-with-http.md, as printed there. */
  private static final String DOCS_V2_ANSWER =
      """
      {"trace": {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"my.service"}}]},\
      "scopeSpans":[{"scope":{"name":"my.library","version":"1.0.0"},"spans":[{"traceId":"W47/95gDgQPSabYzgT/HAA==",\
      "spanId":"7uGbfsPBsQA=","name":"I am a span!","kind":"SPAN_KIND_SERVER","startTimeUnixNano":"1689969302000000000",\
      "endTimeUnixNano":"1689970000000000000","attributes":[{"key":"my.span.attr","value":{"stringValue":"some value"}}],\
      "status":{}}]}]}]}}
      """;

  private final List<Duration> pauses = new ArrayList<>();
  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoBackendFetchTest() throws Exception {
    tempo = new FakeTempo();
    backend = tempo.backend(TempoOptions.defaults(), CLOCK, pauses);
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  private static Trace fetched(FetchResult result) {
    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    return ((FetchResult.Fetched) result).trace();
  }

  @Test
  void fetch_docsSample_readsBase64IdsEnumNamesAndInt64Strings() {
    tempo.traceV2("5b8efff798038103d269b633813fc700", DOCS_V2_ANSWER);

    Trace trace = fetched(backend.fetch("5b8efff798038103d269b633813fc700"));

    assertThat(trace.spans())
        .containsExactly(
            new Span(
                "5b8efff798038103d269b633813fc700",
                "eee19b7ec3c1b100",
                "",
                "my.service",
                "I am a span!",
                SpanKind.SERVER,
                1689969302000000000L,
                698_000_000_000L,
                SpanStatus.UNSET,
                Attributes.of("my.span.attr", "some value"),
                List.of()));
  }

  @Test
  void fetch_v2_asksTheV2PathForJsonWithTenantAndToken() throws Exception {
    tempo.traceV2(TRACE_ID, TempoJson.traceV2(TestSpans.orderPaymentFailure().spans()));

    backend.fetch(TRACE_ID);

    RecordedRequest sent = tempo.takeRequest();
    assertThat(sent.path()).isEqualTo("/api/v2/traces/" + TRACE_ID);
    assertThat(sent.query()).isNull();
    assertThat(sent.header("Accept")).isEqualTo("application/json");
    assertThat(sent.header("X-Scope-OrgID")).isEqualTo(FakeTempo.TENANT);
    assertThat(sent.header("Authorization")).isEqualTo(FakeTempo.TOKEN);
  }

  @Test
  void fetch_writeUpTraceInTempoJson_isTheSameTraceAgain() {
    Trace original = TestSpans.orderPaymentFailure();
    tempo.traceV2(TRACE_ID, TempoJson.traceV2(original.spans()));

    FetchResult result = backend.fetch(TRACE_ID);

    assertThat(fetched(result).traceId()).isEqualTo(TRACE_ID);
    assertThat(fetched(result).spans()).containsExactlyInAnyOrderElementsOf(original.spans());
    assertThat(((FetchResult.Fetched) result).partial()).isFalse();
  }

  @Test
  void fetch_partialStatusAfterTheTrace_isFetchedPartial() {
    tempo.traceV2(
        TRACE_ID,
        TempoJson.partialTraceV2(
            TestSpans.orderPaymentFailure().spans(),
            "trace exceeds max size (max bytes: 5000000); a partial trace is returned"));

    FetchResult result = backend.fetch(TRACE_ID);

    assertThat(result).isInstanceOf(FetchResult.Fetched.class);
    assertThat(((FetchResult.Fetched) result).partial()).isTrue();
    assertThat(fetched(result).spans()).hasSize(5);
  }

  @Test
  void fetch_unknownId_isNotFound() {
    assertThat(backend.fetch(TRACE_ID)).isEqualTo(new FetchResult.NotFound(TRACE_ID));
  }

  @Test
  void fetch_traceWithoutSpans_isNotFound() {
    tempo.traceV2(TRACE_ID, "{\"trace\":{},\"metrics\":{\"inspectedBytes\":\"0\"}}");

    assertThat(backend.fetch(TRACE_ID)).isEqualTo(new FetchResult.NotFound(TRACE_ID));
  }

  @Test
  void fetch_emptyObject_isNotFound() {
    tempo.traceV2(TRACE_ID, "{}");

    assertThat(backend.fetch(TRACE_ID)).isEqualTo(new FetchResult.NotFound(TRACE_ID));
  }

  @Test
  void fetch_upperCaseUnpaddedOrBase64Id_asksForThe32HexId() throws Exception {
    tempo.traceV2("00000000000000000000000000000abc", "{}");

    backend.fetch("ABC");
    backend.fetch("AAAAAAAAAAAAAAAAAAAKvA==");

    assertThat(tempo.takeRequest().path())
        .isEqualTo("/api/v2/traces/00000000000000000000000000000abc");
    assertThat(tempo.takeRequest().path())
        .isEqualTo("/api/v2/traces/00000000000000000000000000000abc");
  }

  @Test
  void fetch_textThatIsNoTraceId_isNotFoundWithoutAskingTempo() {
    assertThat(backend.fetch("../../api/search?q={}")).isInstanceOf(FetchResult.NotFound.class);
    assertThat(backend.fetch("")).isInstanceOf(FetchResult.NotFound.class);
    assertThat(tempo.pending()).isZero();
  }

  @Test
  void fetch_v1Option_readsBatchesFromTheV1Path() throws Exception {
    TempoOptions v1 =
        new TempoOptions(
            Optional.empty(),
            "",
            1,
            Duration.ofHours(168),
            Duration.ofSeconds(30),
            1,
            TempoOptions.ApiVersion.V1);
    Trace original = TestSpans.orderPaymentFailure();
    tempo.traceV1(TRACE_ID, TempoJson.traceV1(original.spans()));

    FetchResult result = tempo.backend(v1, CLOCK, pauses).fetch(TRACE_ID);

    assertThat(fetched(result).spans()).containsExactlyInAnyOrderElementsOf(original.spans());
    assertThat(tempo.takeRequest().path()).isEqualTo("/api/traces/" + TRACE_ID);
  }

  @Test
  void fetch_answerHoldingSpansOfAnotherTrace_isMalformed() {
    List<Span> foreign = TestSpans.orderPaymentFailure().spans();
    tempo.traceV2("0af7651916cd43dd8448eb211c80319c", TempoJson.traceV2(foreign));

    FetchResult result = backend.fetch("0af7651916cd43dd8448eb211c80319c");

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) result).failure().kind())
        .isEqualTo(BackendFailure.Kind.MALFORMED);
  }

  @Test
  void fetch_userIdOnTheResource_isKeptOnItsSpans() {
    String json =
        """
        {"trace":{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"web"}},
          {"key":"enduser.id","value":{"stringValue":"usr_k8x9m2"}},{"key":"host.name","value":{"stringValue":"h1"}}]},
          "scopeSpans":[{"spans":[{"traceId":"S/kvNXezTaajzpKdDg5HNg==","spanId":"AAAAAAAAAAE=","name":"GET /"}]}]}]}}
        """;
    tempo.traceV2(TRACE_ID, json);

    Span span = fetched(backend.fetch(TRACE_ID)).spans().get(0);

    assertThat(span.attributes().values()).containsOnlyKeys("enduser.id");
    assertThat(span.service()).isEqualTo("web");
  }
}
