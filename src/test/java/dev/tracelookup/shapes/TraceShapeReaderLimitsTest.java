package dev.tracelookup.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.StatusCode;
import dev.tracelookup.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where today's readers lose or bend what real instrumentation wrote, shown on the corpus' own
 * fixtures. Each test pins the current behaviour, so that a fix makes it fail: then turn the
 * assertion round (and, for the first, drop the assumption in {@link TraceShapeFixturesTest}).
 *
 * <p>Issue 11 asks for most of these to change; the corpus only records them.
 */
final class TraceShapeReaderLimitsTest {
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
   * Brave and Envoy give a client span and the server span it caused one span ID; the Collector's
   * zipkin receiver keeps both halves in OTLP, and so does the OTLP reader, but the file backend's
   * loader keeps one span per ID ({@code putIfAbsent}, to drop exporter retries), so the server
   * half disappears. In BRAVE_500_END_TO_END that is the culprit, stock-svc's span.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"brave-404-absorbed", "brave-500-end-to-end", "istio-egress-timeout"})
  void otlpFileBackend_sharedClientServerSpanId_keepsOnlyOneHalf(String dir) {
    TraceShape shape = shape(dir);

    Trace fetched = ShapeBackends.fetch(backends.files, shape.traceId());

    int written = ShapeBackends.readOtlp(shape, "otlp.json").size();
    long distinctIds = fetched.spans().stream().map(Span::spanId).distinct().count();
    assertThat(fetched.spans()).hasSize((int) distinctIds).hasSizeLessThan(written);
  }

  @Test
  void otlpFileBackend_braveCulpritServerHalf_isLost() {
    TraceShape shape = TraceShapes.BRAVE_500_END_TO_END;

    Trace fetched = ShapeBackends.fetch(backends.files, shape.traceId());

    assertThat(fetched.spans()).noneMatch(span -> span.service().equals(shape.culpritService()));
  }

  /**
   * Brave tags {@code error=<status>} for any response ≥ 400 without an exception; the Zipkin reader
   * turns every {@code error} tag into status ERROR with that text. The OTLP and Jaeger forms of the
   * same spans (through the Collector's zipkin receiver, which only maps {@code error=true}) keep
   * {@code error=404} as an attribute and leave the status UNSET.
   */
  @Test
  void zipkinReader_braveError404_becomesErrorStatus_whileOtlpAndJaegerKeepItUnset() {
    TraceShape shape = TraceShapes.BRAVE_404_ABSORBED;

    Span zipkin = avatarServer(ShapeBackends.fetch(backends.zipkin, shape.traceId()));
    Span jaeger = avatarServer(ShapeBackends.fetch(backends.jaeger, shape.traceId()));
    Span otlp = avatarServer(new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")));

    assertThat(zipkin.status().code()).isEqualTo(StatusCode.ERROR);
    assertThat(zipkin.status().message()).isEqualTo("404");
    assertThat(Stream.of(jaeger, otlp)).allSatisfy(span -> {
      assertThat(span.status().code()).isEqualTo(StatusCode.UNSET);
      assertThat(span.attributes().get("error")).hasValue("404");
    });
  }

  /**
   * The Collector's zipkin exporter writes {@code error=true} and the status description in {@code
   * otel.status_description}; the Zipkin reader prefers a non-blank {@code error} tag, so the
   * message becomes "true" and the description is dropped.
   */
  @Test
  void zipkinReader_collectorExportedError_takesTrueAsTheStatusMessage() {
    TraceShape shape = TraceShapes.WRITE_UP_PAYMENT_502;

    Span charge = named(ShapeBackends.fetch(backends.zipkin, shape.traceId()), "payment.process_charge");
    Span sameInOtlp = named(new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")),
        "payment.process_charge");

    assertThat(charge.status().message()).isEqualTo("true");
    assertThat(charge.attributes().get("otel.status_description")).isEmpty();
    assertThat(sameInOtlp.status().message()).contains("ConnectionRefusedError: payment gateway timeout");
  }

  /**
   * Span links are not read: the OTLP reader skips {@code links}, the Jaeger reader uses a
   * FOLLOWS_FROM reference only as a parent within the same trace, and the Zipkin form keeps the
   * link only as the Collector exporter's {@code otlp.link.0} tag, read as a plain attribute.
   */
  @Test
  void readers_spanLinkToTheConsumerTrace_leaveNoReferenceButZipkinsTag() {
    TraceShape shape = TraceShapes.KAFKA_BATCH_CONSUMER_WITH_USER;

    List<Trace> traces = List.of(
        new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")),
        ShapeBackends.fetch(backends.files, shape.traceId()),
        ShapeBackends.fetch(backends.jaeger, shape.traceId()));
    Trace zipkin = ShapeBackends.fetch(backends.zipkin, shape.traceId());

    assertThat(traces).allSatisfy(trace -> assertThat(trace.spans()).allSatisfy(span ->
        assertThat(span.attributes().values().values()).noneMatch(value -> value.contains(shape.linkedTraceId()))));
    assertThat(named(zipkin, "invoices process").attributes().get("otlp.link.0"))
        .hasValueSatisfying(tag -> assertThat(tag).startsWith(shape.linkedTraceId() + "|"));
  }

  /**
   * OpenTracing clients log a failure as {@code event=error} with {@code error.kind}, {@code
   * message} and {@code stack}. The Jaeger reader turns that log into an exception event; through
   * the Collector's jaeger receiver the OTLP and Zipkin forms keep an event named {@code error},
   * which neither reader maps, so the reason is not seen as an exception there.
   */
  @Test
  void openTracingErrorLog_isAnExceptionOnlyInTheJaegerForm() {
    TraceShape shape = TraceShapes.OPENTRACING_OLD_ATTRIBUTES;

    Span jaeger = byId(ShapeBackends.fetch(backends.jaeger, shape.traceId()), shape.culpritSpanId());
    Span otlp = byId(new Trace(shape.traceId(), ShapeBackends.readOtlp(shape, "otlp.json")), shape.culpritSpanId());
    Span zipkin = byId(ShapeBackends.fetch(backends.zipkin, shape.traceId()), shape.culpritSpanId());

    assertThat(jaeger.events()).anyMatch(SpanEvent::isException);
    assertThat(Stream.of(otlp, zipkin)).allSatisfy(span -> {
      assertThat(span.events()).noneMatch(SpanEvent::isException);
      assertThat(span.events()).extracting(SpanEvent::name).contains("error");
    });
  }

  private static TraceShape shape(String dir) {
    return TraceShapes.all().stream().filter(shape -> shape.dir().equals(dir)).findFirst().orElseThrow();
  }

  private static Span avatarServer(Trace trace) {
    return trace.spans().stream()
        .filter(span -> span.service().equals("avatar-svc"))
        .findFirst()
        .orElseThrow();
  }

  private static Span named(Trace trace, String name) {
    return trace.spans().stream().filter(span -> span.name().equals(name)).findFirst().orElseThrow();
  }

  private static Span byId(Trace trace, String spanId) {
    return trace.spans().stream().filter(span -> span.spanId().equals(spanId)).findFirst().orElseThrow();
  }
}
