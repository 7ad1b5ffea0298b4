package dev.tracelookup.backend.zipkin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanStatus;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.Trace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ZipkinJsonReaderTest {

  private static List<Span> readTrace(String json) throws IOException {
    List<Span> spans = new ArrayList<>();
    ZipkinJsonReader.readTrace(new ByteArrayInputStream(json.getBytes(UTF_8)), spans::add);
    return spans;
  }

  private static List<Trace> readTraceList(String json) throws IOException {
    ZipkinTraces.Collector collector = new ZipkinTraces.Collector();
    ZipkinJsonReader.readTraceList(new ByteArrayInputStream(json.getBytes(UTF_8)), collector);
    return collector.traces();
  }

  private static Span byId(List<Span> spans, String id, SpanKind kind) {
    return spans.stream()
        .filter(s -> s.spanId().equals(id) && s.kind() == kind)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void readTrace_sharedClientServerSpanId_keepsBothHalvesWithTheirKinds() throws IOException {
    String json = ZipkinFixtures.SKEW;

    List<Span> spans = readTrace(json);

    assertThat(spans).hasSize(4);
    Span server = byId(spans, "74280ae0c10d8062", SpanKind.SERVER);
    Span client = byId(spans, "74280ae0c10d8062", SpanKind.CLIENT);
    assertThat(server.service()).isEqualTo("serviceb");
    assertThat(client.service()).isEqualTo("servicea");
    assertThat(server.traceId()).isEqualTo("00000000000000001e223ff1f80f1c69");
    assertThat(server.startEpochNanos()).isEqualTo(1_470_150_004_008_761_000L);
    assertThat(server.durationNanos()).isEqualTo(93_577_000L);
    assertThat(byId(spans, "43210ae0c10d1234", SpanKind.INTERNAL).parentSpanId())
        .isEqualTo("74280ae0c10d8062");
    assertThat(byId(spans, "bf396325699c84bf", SpanKind.SERVER).isRoot()).isTrue();
  }

  @Test
  void readTrace_clientWithRemoteServiceName_addsPeerServiceAndKeepsTags() throws IOException {
    String json = ZipkinFixtures.SIMPLE_DB;

    List<Span> spans = readTrace(json);

    Span insert = byId(spans, "5d532ef6fed52445", SpanKind.CLIENT);
    assertThat(insert.attributes().values())
        .containsOnly(
            entry("sql.query", "insert into revinfo (rev, revtstmp) values (null, 1541485537483)"),
            entry("peer.service", "app_db"));
    Span server = byId(spans, "19f84f102048e047", SpanKind.SERVER);
    assertThat(server.attributes().get("http.method")).hasValue("POST");
    assertThat(server.attributes().contains("peer.service")).isFalse();
    assertThat(server.status()).isEqualTo(SpanStatus.UNSET);
  }

  @Test
  void readTrace_otelExporterErrorSpan_mapsStatusTagsAndExceptionAnnotation() throws IOException {
    String json = "[" + ZipkinFixtures.OTEL_CLIENT_ERROR + "]";

    Span span = readTrace(json).get(0);

    assertThat(span.status()).isEqualTo(SpanStatus.error("payment gateway timeout"));
    assertThat(span.name()).isEqualTo("post payment-svc/charge");
    assertThat(span.attributes().contains("error")).isFalse();
    assertThat(span.attributes().contains("otel.status_code")).isFalse();
    assertThat(span.attributes().get("http.response.status_code")).hasValue("502");
    assertThat(span.attributes().get("peer.service")).hasValue("payment-svc");
    assertThat(span.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.isException()).isTrue();
              assertThat(event.epochNanos()).isEqualTo(1_770_387_445_100_000_000L);
              assertThat(event.attributes().get("exception.type"))
                  .hasValue("ConnectionRefusedError");
              assertThat(event.attributes().get("exception.message"))
                  .hasValue("payment gateway timeout");
              assertThat(event.attributes().get("exception.stacktrace").orElseThrow())
                  .startsWith(
                      "ConnectionRefusedError: payment gateway timeout\n"
                          + "    at PaymentClient.charge");
            });
  }

  @Test
  void readTrace_errorTagEmpty_isErrorWithTheStatusDescription() throws IOException {
    String json =
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"kind\":\"SERVER\",\"name\":\"post"
            + " /api/v1/orders\",\"tags\":{\"error\":\"\",\"otel.status_code\":\"ERROR\",\"otel.status_description\":\"order"
            + " failed\"}}]";

    Span span = readTrace(json).get(0);

    assertThat(span.status()).isEqualTo(SpanStatus.error("order failed"));
    assertThat(span.startEpochNanos()).isZero();
    assertThat(span.durationNanos()).isZero();
  }

  /**
   * Brave tags every HTTP answer of 400 or more as {@code error=<status>}. A lookup the caller
   * expected to miss is not a failure status: the HTTP rules judge it.
   */
  @Test
  void readTrace_braveErrorTagHoldingHttpStatus_isUnsetAndKeepsTheStatus() throws IOException {
    String json =
        "[{\"traceId\":\"463ac35c9f6413ad\",\"id\":\"72485a3953bb6124\",\"kind\":\"CLIENT\","
            + "\"name\":\"get\",\"localEndpoint\":{\"serviceName\":\"profile-svc\"},"
            + "\"tags\":{\"http.method\":\"GET\",\"http.path\":\"/users/42/avatar\",\"http.status_code\":\"404\","
            + "\"error\":\"404\"}}]";

    Span span = readTrace(json).get(0);

    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.attributes().get("http.status_code")).hasValue("404");
    assertThat(span.attributes().contains("error")).isFalse();
  }

  /**
   * Without {@code http.status_code} beside it, the status Brave wrote as the error is kept as one.
   */
  @Test
  void readTrace_braveErrorTagHoldingHttpStatusAlone_becomesTheHttpStatus() throws IOException {
    String json =
        "[{\"traceId\":\"463ac35c9f6413ad\",\"id\":\"72485a3953bb6124\",\"kind\":\"SERVER\","
            + "\"name\":\"post /orders\",\"tags\":{\"error\":\"503\"}}]";

    Span span = readTrace(json).get(0);

    assertThat(span.status()).isEqualTo(SpanStatus.UNSET);
    assertThat(span.attributes().get("http.status_code")).hasValue("503");
  }

  /** Brave writes the exception message as the error when there is one: that is a failure. */
  @Test
  void readTrace_braveErrorTagHoldingAMessage_isError() throws IOException {
    String json =
        "[{\"traceId\":\"463ac35c9f6413ad\",\"id\":\"72485a3953bb6124\",\"kind\":\"SERVER\",\"name\":\"post"
            + " /orders\",\"tags\":{\"http.status_code\":\"500\",\"error\":\"Connection reset\"}}]";

    Span span = readTrace(json).get(0);

    assertThat(span.status()).isEqualTo(SpanStatus.error("Connection reset"));
  }

  @Test
  void readTrace_statusCodeOkOnly_isOk() throws IOException {
    String json =
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\","
            + "\"tags\":{\"otel.status_code\":\"OK\"}}]";

    Span span = readTrace(json).get(0);

    assertThat(span.status().code()).isEqualTo(StatusCode.OK);
    assertThat(span.attributes()).isEqualTo(Attributes.empty());
    assertThat(span.service()).isEqualTo(Span.UNKNOWN_SERVICE);
  }

  @Test
  void readTrace_unknownFieldsAndNulls_areIgnored() throws IOException {
    String json =
        "[null,{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"debug\":true,"
            + "\"shared\":false,\"localEndpoint\":{\"serviceName\":\"a\",\"ipv6\":\"::1\",\"port\":8080},"
            + "\"remoteEndpoint\":null,\"tags\":{\"x\":null},\"annotations\":[null,{\"timestamp\":1,\"value\":null}],"
            + "\"future\":{\"nested\":[1,{\"deep\":2}]}}]";

    Span span = readTrace(json).get(0);

    assertThat(span.service()).isEqualTo("a");
    assertThat(span.attributes().isEmpty()).isTrue();
    assertThat(span.events()).isEmpty();
  }

  @Test
  void readTrace_parentIdNotHex_isReadAsRoot() throws IOException {
    String json =
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"parentId\":\"zz\"}]";

    assertThat(readTrace(json).get(0).isRoot()).isTrue();
  }

  @Test
  void readTraceList_mixed64And128BitIds_givesEverySpanThe128BitId() throws IOException {
    String json =
        "[[{\"traceId\":\"a3ce929d0e0e4736\",\"id\":\"0000000000000001\"},"
            + "{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"0000000000000002\",\"parentId\":\"0000000000000001\"}],"
            + "[],[{\"traceId\":\"00000000000000ab\",\"id\":\"0000000000000003\"}]]";

    List<Trace> traces = readTraceList(json);

    assertThat(traces)
        .extracting(Trace::traceId)
        .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736", "000000000000000000000000000000ab");
    assertThat(traces.get(0).spans())
        .extracting(Span::traceId)
        .containsOnly("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "{}",
        "null",
        "[[]",
        "[1]",
        "[\"span\"]",
        "[{\"id\":\"00f067aa0ba902b7\"}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e47360\",\"id\":\"00f067aa0ba902b7\"}]",
        "[{\"traceId\":\"W47/95gDgQPSabYzgT/HAA==\",\"id\":\"00f067aa0ba902b7\"}]",
        "[{\"traceId\":\"00000000000000000000000000000000\",\"id\":\"00f067aa0ba902b7\"}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7aa\"}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"００f067aa0ba902b7\"}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"timestamp\":\"soon\"}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"timestamp\":9223372036854775807}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"timestamp\":1e30}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"tags\":[\"a\"]}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"tags\":{\"a\":{\"b\":1}}}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"name\":[]}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"annotations\":{}}]",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\"}] []",
        "[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\""
      })
  void readTrace_malformedOrWrongTypes_throwsFormatExceptionWithoutQuotingInput(String json) {
    assertThatThrownBy(() -> readTrace(json))
        .isInstanceOf(ZipkinFormatException.class)
        .satisfies(
            failure -> assertThat(failure.getMessage()).doesNotContain("00f067aa0ba902b7", "soon"));
  }

  @Test
  void readTraceList_deeplyNestedUnknownField_isRefused() {
    String json =
        "[[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"id\":\"00f067aa0ba902b7\",\"x\":"
            + "[".repeat(1000)
            + "]".repeat(1000)
            + "}]]";

    assertThatThrownBy(() -> readTraceList(json)).isInstanceOf(ZipkinFormatException.class);
  }
}
