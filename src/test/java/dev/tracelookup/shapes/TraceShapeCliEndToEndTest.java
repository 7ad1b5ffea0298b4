package dev.tracelookup.shapes;

import dev.tracelookup.shapes.TraceShapes.TraceShape;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape of the corpus end to end, as a newcomer runs the bot: the shapes' OTLP files (linked
 * traces included) in a directory, the {@code otlp-file} backend indexing it (links too), and the
 * {@code lookup} command run with the shape's customer and minute. The card's first line must say
 * what the customer saw, and its root-cause line must name the culprit's service and span.
 */
final class TraceShapeCliEndToEndTest {
  @TempDir static Path traceFiles;

  private static ShapeBackends backends;
  private static ExecutorService pool;

  @BeforeAll
  static void indexTheShapes() throws Exception {
    backends = ShapeBackends.serving(TraceShapes.all(), traceFiles);
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stop() throws Exception {
    pool.shutdownNow();
    backends.close();
  }

  static Stream<Arguments> shapes() {
    return TraceShapes.all().stream()
        .filter(shape -> shape.formats().contains("otlp"))
        .map(shape -> Arguments.of(Named.of(shape.dir(), shape)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void lookup_everyShape_firstLineSaysWhatTheCustomerSawAndRootCauseNamesTheCulprit(
      TraceShape shape) {
    ShapeCards.assertCard(
        shape, ShapeCards.lookup(shape, backends.files, pool), shape.expectedVerdict());
  }
}
