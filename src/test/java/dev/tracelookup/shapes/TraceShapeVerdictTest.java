package dev.tracelookup.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceAnalyzer;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The verdict on every shape of the corpus ({@link TraceShapes}, where each shape is drawn with its
 * expected verdict and culprit), in every wire format it came in, read by the real backends: what
 * the customer saw, whether they waited, whether the failure was in queued work, whether the entry
 * span was missing, and the culprit a careful engineer names. A shape with a linked trace is
 * analysed with it, as the lookup reads it.
 */
final class TraceShapeVerdictTest {
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

  static Stream<Arguments> shapesByFormat() {
    return TraceShapes.all().stream()
        .flatMap(
            shape ->
                ShapeBackends.FORMATS.stream()
                    .filter(shape.formats()::contains)
                    .map(
                        format ->
                            Arguments.of(
                                Named.of(shape.dir() + " [" + format + "]", shape), format)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapesByFormat")
  void analyze_everyShapeInEveryFormat_seesWhatTheCustomerSawAndNamesTheCulprit(
      TraceShape shape, String format) {
    TraceBackend backend = backend(format);
    Trace trace = ShapeBackends.fetch(backend, shape.traceId());
    List<Trace> linked =
        shape.linked() ? List.of(ShapeBackends.fetch(backend, shape.linkedTraceId())) : List.of();

    TraceAnalysis analysis = TraceAnalyzer.analyze(trace, linked);

    assertThat(analysis.verdict().kind().name())
        .as("verdict; %s", shape.notes())
        .isEqualTo(shape.expectedVerdict());
    assertThat(analysis.verdict().givenUp()).as("given up").isEqualTo(shape.timedOut());
    assertThat(analysis.verdict().asynchronous())
        .as("asynchronous")
        .isEqualTo(shape.asynchronous());
    assertThat(analysis.verdict().entryMissing())
        .as("entry missing")
        .isEqualTo(shape.entryMissing());
    if (shape.culpritSpanId() == null) {
      assertThat(analysis.errorPath())
          .as("no culprit for a %s trace", shape.expectedVerdict())
          .isEmpty();
      return;
    }
    ErrorPath path = analysis.errorPath().orElseThrow(() -> new AssertionError("no error path"));
    PathStep culprit = path.culprit();
    String expectedId =
        format.equals("jaeger") && shape.culpritJaegerSpanId() != null
            ? shape.culpritJaegerSpanId()
            : shape.culpritSpanId();
    assertThat(culprit.span().spanId() + " " + culprit.span().service())
        .as("culprit; %s", shape.notes())
        .isEqualToIgnoringCase(expectedId + " " + shape.culpritService());
  }

  private static TraceBackend backend(String format) {
    switch (format) {
      case "jaeger":
        return backends.jaeger;
      case "zipkin":
        return backends.zipkin;
      default:
        return backends.files;
    }
  }
}
