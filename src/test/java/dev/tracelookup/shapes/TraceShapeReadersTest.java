package dev.tracelookup.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanLink;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalyzer;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the readers once lost or bent what real instrumentation wrote, found by the corpus: each
 * test shows a field now reads the same in every wire format the shape came in.
 */
final class TraceShapeReadersTest {
  @TempDir static Path traceFiles;

  private static ShapeBackends backends;

  @BeforeAll
  static void startBackends() throws Exception {
    backends = ShapeBackends.serving(TraceShapes.all(), traceFiles);
  }

  @AfterAll
  static void stopBackends() throws Exception {
    backends.close();
  }

  /**
   * Brave and Envoy give a client span and the server span it caused one span ID (B3 "join"). The
   * file backend drops a span written twice by an exporter's retry, but keeps both halves of a
   * shared ID: in BRAVE_500_END_TO_END the server half, stock-svc's span, is the culprit.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"brave-404-absorbed", "brave-500-end-to-end", "istio-egress-timeout"})
  void otlpFileBackend_sharedClientServerSpanId_keepsBothHalves(String dir) {
    TraceShape shape = shape(dir);

    Trace fetched = ShapeBackends.fetch(backends.files, shape.traceId());

    assertThat(fetched.spans()).hasSize(ShapeBackends.readOtlp(shape, "otlp.json").size());
    if (shape.culpritService() != null) {
      assertThat(fetched.spans()).anyMatch(span -> span.service().equals(shape.culpritService()));
    }
  }

  /**
   * Brave tags {@code error=<status>} on any answer of 400 or more without an exception. Read from
   * Zipkin, from Jaeger and through the Collector, the span's status stays unset and its HTTP
   * status is what the rules judge.
   */
  @Test
  void braveError404_isAnUnsetStatusWithItsHttpStatus_inEveryFormat() {
    TraceShape shape = TraceShapes.BRAVE_404_ABSORBED;

    Span zipkin = avatarServer(ShapeBackends.fetch(backends.zipkin, shape.traceId()));
    Span jaeger = avatarServer(ShapeBackends.fetch(backends.jaeger, shape.traceId()));
    Span otlp =
        avatarServer(new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")));

    assertThat(Stream.of(zipkin, jaeger, otlp))
        .allSatisfy(
            span -> {
              assertThat(span.status().code()).isEqualTo(StatusCode.UNSET);
              assertThat(span.attributes().first("http.status_code", "http.response.status_code"))
                  .hasValue("404");
            });
  }

  /**
   * The Collector's Zipkin exporter writes {@code error=true} and the status description apart, in
   * {@code otel.status_description}: the description is the status message, as in OTLP.
   */
  @Test
  void zipkinReader_collectorExportedError_keepsTheStatusDescription() {
    TraceShape shape = TraceShapes.WRITE_UP_PAYMENT_502;

    Span zipkin =
        named(ShapeBackends.fetch(backends.zipkin, shape.traceId()), "payment.process_charge");
    Span otlp =
        named(
            new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")),
            "payment.process_charge");

    assertThat(zipkin.status().message()).isEqualTo(otlp.status().message()).isNotEqualTo("true");
  }

  /**
   * The Collector's Zipkin exporter keeps a span's links as {@code otlp.link.0} tags: they are read
   * back as links, not shown as attributes.
   */
  @Test
  void zipkinReader_collectorLinkTags_areSpanLinks() {
    TraceShape shape = TraceShapes.KAFKA_BATCH_CONSUMER_WITH_USER;

    Span consumer =
        named(ShapeBackends.fetch(backends.zipkin, shape.traceId()), "invoices process");

    assertThat(consumer.links()).extracting(SpanLink::traceId).contains(shape.linkedTraceId());
    assertThat(consumer.attributes().values().keySet())
        .noneMatch(key -> key.startsWith("otlp.link."));
  }

  /**
   * OpenTracing clients log a failure as {@code event=error} with {@code error.kind}, {@code
   * message} and {@code stack}. Whether it arrives as a Jaeger log or, through the Collector, as an
   * OTLP or Zipkin event named {@code error}, the culprit carries it as its exception.
   */
  @Test
  void openTracingErrorLog_isTheCulpritsException_inEveryFormat() {
    TraceShape shape = TraceShapes.OPENTRACING_OLD_ATTRIBUTES;

    Stream<Trace> forms =
        Stream.of(
            ShapeBackends.fetch(backends.jaeger, shape.traceId()),
            new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")),
            ShapeBackends.fetch(backends.zipkin, shape.traceId()));

    assertThat(forms)
        .allSatisfy(
            trace ->
                assertThat(
                        TraceAnalyzer.analyze(trace)
                            .errorPath()
                            .orElseThrow()
                            .culprit()
                            .exception())
                    .isPresent());
  }

  private static TraceShape shape(String dir) {
    return TraceShapes.all().stream()
        .filter(shape -> shape.dir().equals(dir))
        .findFirst()
        .orElseThrow();
  }

  private static Span avatarServer(Trace trace) {
    return trace.spans().stream()
        .filter(span -> span.service().equals("avatar-svc"))
        .findFirst()
        .orElseThrow();
  }

  private static Span named(Trace trace, String name) {
    return trace.spans().stream()
        .filter(span -> span.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
