package dev.tracelookup.shapes;

import static dev.tracelookup.shapes.ShapeBackends.FORMATS;
import static dev.tracelookup.shapes.ShapeBackends.USER_KEYS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.shapes.TraceShapes.TraceShape;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that every fixture of the trace-shape corpus ({@link TraceShapes}) is read by the
 * project's real readers: the OTLP JSON reader, the file backend (indexed, searched by customer and
 * time, fetched by ID), and the Jaeger v1 and Zipkin backends against a local HTTP server that
 * answers with the fixtures. Each read must give the catalogue's trace ID, as many spans as the
 * fixture's JSON holds, the customer on some span, and the culprit span with its own service.
 *
 * <p>It checks parsing only; what the analysis concludes is another test's business.
 */
final class TraceShapeFixturesTest {
  private static final Pattern USER_ID = Pattern.compile("^[A-Za-z0-9_.:@+-]+$");

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

  @Test
  void catalogue_hasAtLeast32Shapes_eachWithItsOwnDirectoryCustomerTraceAndMinute() {
    List<TraceShape> shapes = TraceShapes.all();

    assertThat(shapes).hasSizeGreaterThanOrEqualTo(32);
    assertThat(shapes).extracting(TraceShape::dir).doesNotHaveDuplicates();
    assertThat(shapes)
        .extracting(TraceShape::userId)
        .doesNotHaveDuplicates()
        .allMatch(id -> USER_ID.matcher(id).matches());
    assertThat(shapes).extracting(TraceShape::traceId).doesNotHaveDuplicates();
    assertThat(shapes)
        .extracting(shape -> shape.at().truncatedTo(ChronoUnit.MINUTES))
        .doesNotHaveDuplicates();
    assertThat(shapes)
        .allSatisfy(
            shape -> {
              assertThat(shape.at().atOffset(ZoneOffset.UTC).toLocalDate())
                  .hasToString("2026-02-06");
              assertThat(shape.at().atOffset(ZoneOffset.UTC).toLocalTime())
                  .isBetween(LocalTime.of(10, 0), LocalTime.of(18, 0));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void catalogue_everyShape_hasExactlyTheFixtureFilesItDeclares(TraceShape shape) {
    for (String format : FORMATS) {
      boolean declared = shape.formats().contains(format);

      assertThat(ShapeBackends.exists(shape, format + ".json"))
          .as(shape.resource(format + ".json"))
          .isEqualTo(declared);
      assertThat(ShapeBackends.exists(shape, format + "-linked.json"))
          .as(shape.resource(format + "-linked.json"))
          .isEqualTo(declared && shape.linked());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void fixtures_everyShape_holdTheSameSpansInEveryFormat(TraceShape shape) {
    Map<String, Integer> main = new HashMap<>();
    Map<String, Integer> linked = new HashMap<>();
    for (Fixture fixture : fixtures(shape)) {
      (fixture.linked() ? linked : main).put(fixture.format(), fixture.spanCount());
    }

    assertThat(new HashSet<>(main.values())).as("span counts by format: %s", main).hasSize(1);
    assertThat(new HashSet<>(linked.values()))
        .as("linked span counts by format: %s", linked)
        .hasSize(shape.linked() ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapesInOtlp")
  void otlpJsonReader_everyShape_readsTheCatalogueTrace(TraceShape shape) {
    List<Trace> traces = new ArrayList<>();
    for (Fixture fixture : fixtures(shape, "otlp")) {
      traces.add(new Trace(fixture.traceId(), ShapeBackends.readOtlp(shape, fixture.file())));
    }

    assertReadAsCatalogued(shape, "otlp", traces);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapesInOtlp")
  void otlpFileBackend_everyShape_isFoundByItsCustomerAtItsTime(TraceShape shape) {
    TraceQuery query =
        new TraceQuery(
            shape.userId(),
            shape.at().minus(Duration.ofMinutes(15)),
            shape.at().plus(Duration.ofMinutes(15)),
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    SearchResult result = backends.files.search(query);

    assertThat(result).isInstanceOf(SearchResult.Found.class);
    assertThat(((SearchResult.Found) result).traces())
        .extracting(TraceRef::traceId)
        .containsExactly(shape.traceId());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapesInOtlp")
  void otlpFileBackend_everyShape_fetchesTheCatalogueTrace(TraceShape shape) {
    assertReadAsCatalogued(shape, "otlp", fetchAll(backends.files, shape));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapesInJaeger")
  void jaegerV1Backend_everyShape_fetchesTheCatalogueTrace(TraceShape shape) {
    assertReadAsCatalogued(shape, "jaeger", fetchAll(backends.jaeger, shape));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapesInZipkin")
  void zipkinBackend_everyShape_fetchesTheCatalogueTrace(TraceShape shape) {
    assertReadAsCatalogued(shape, "zipkin", fetchAll(backends.zipkin, shape));
  }

  static Stream<Arguments> shapes() {
    return TraceShapes.all().stream().map(shape -> Arguments.of(Named.of(shape.dir(), shape)));
  }

  static Stream<Arguments> shapesInOtlp() {
    return shapesIn("otlp");
  }

  static Stream<Arguments> shapesInJaeger() {
    return shapesIn("jaeger");
  }

  static Stream<Arguments> shapesInZipkin() {
    return shapesIn("zipkin");
  }

  private static Stream<Arguments> shapesIn(String format) {
    return TraceShapes.all().stream()
        .filter(shape -> shape.formats().contains(format))
        .map(shape -> Arguments.of(Named.of(shape.dir(), shape)));
  }

  /**
   * Checks what a reader made of a shape's main trace (first) and linked trace (second, if any):
   * the catalogue's IDs, every span of the fixture with a known service, the customer on the main
   * trace, and the culprit, with its own service, in one of them.
   */
  private static void assertReadAsCatalogued(TraceShape shape, String format, List<Trace> traces) {
    List<Fixture> fixtures = fixtures(shape, format);
    assertThat(traces).hasSameSizeAs(fixtures);
    for (int i = 0; i < traces.size(); i++) {
      Trace trace = traces.get(i);
      Fixture fixture = fixtures.get(i);
      assertThat(trace.traceId()).as("%s trace ID", fixture.file()).isEqualTo(fixture.traceId());
      assertThat(trace.spans()).as("%s spans", fixture.file()).hasSize(fixture.spanCount());
      assertThat(trace.spans())
          .as("%s", fixture.file())
          .allSatisfy(
              span -> {
                assertThat(span.traceId()).isEqualTo(fixture.traceId());
                assertThat(span.service()).isNotEqualTo(Span.UNKNOWN_SERVICE);
              });
    }
    assertThat(traces.get(0).spans())
        .as("spans carrying %s", shape.userId())
        .anySatisfy(
            span ->
                assertThat(USER_KEYS)
                    .anySatisfy(
                        key -> assertThat(span.attributes().get(key)).hasValue(shape.userId())));
    if (shape.culpritSpanId() != null) {
      String culpritId =
          format.equals("jaeger") && shape.culpritJaegerSpanId() != null
              ? shape.culpritJaegerSpanId()
              : shape.culpritSpanId();
      assertThat(traces.stream().flatMap(trace -> trace.spans().stream()))
          .as("culprit %s in %s", culpritId, shape.culpritService())
          .anySatisfy(
              span -> {
                assertThat(span.spanId()).isEqualTo(culpritId);
                assertThat(span.service()).isEqualTo(shape.culpritService());
              });
    }
  }

  private static List<Trace> fetchAll(TraceBackend backend, TraceShape shape) {
    List<Trace> traces = new ArrayList<>();
    for (String traceId : traceIds(shape)) {
      traces.add(ShapeBackends.fetch(backend, traceId));
    }
    return traces;
  }

  /**
   * Returns whether two spans of the shape's OTLP form share a span ID, read from the JSON itself.
   */
  static boolean hasSharedSpanIds(TraceShape shape) {
    Set<String> seen = new HashSet<>();
    for (JsonNode resourceSpans : ShapeBackends.tree(shape, "otlp.json").path("resourceSpans")) {
      for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
        for (JsonNode span : scopeSpans.path("spans")) {
          if (!seen.add(span.path("spanId").asText())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static List<String> traceIds(TraceShape shape) {
    return shape.linked()
        ? List.of(shape.traceId(), shape.linkedTraceId())
        : List.of(shape.traceId());
  }

  /** One fixture file of a shape and what its JSON says, read without the project's readers. */
  private record Fixture(
      String format, String file, boolean linked, String traceId, int spanCount) {}

  private static List<Fixture> fixtures(TraceShape shape) {
    List<Fixture> all = new ArrayList<>();
    for (String format : FORMATS) {
      if (shape.formats().contains(format)) {
        all.addAll(fixtures(shape, format));
      }
    }
    return all;
  }

  private static List<Fixture> fixtures(TraceShape shape, String format) {
    List<Fixture> fixtures = new ArrayList<>();
    fixtures.add(fixture(shape, format, format + ".json", false, shape.traceId()));
    if (shape.linked()) {
      fixtures.add(fixture(shape, format, format + "-linked.json", true, shape.linkedTraceId()));
    }
    return fixtures;
  }

  private static Fixture fixture(
      TraceShape shape, String format, String file, boolean linked, String traceId) {
    return new Fixture(
        format, file, linked, traceId, spanCount(format, ShapeBackends.tree(shape, file)));
  }

  /** Counts the spans in the JSON itself, independently of the readers under test. */
  private static int spanCount(String format, JsonNode root) {
    if (format.equals("jaeger")) {
      return root.path("data").path(0).path("spans").size();
    }
    if (format.equals("zipkin")) {
      return root.size();
    }
    int count = 0;
    for (JsonNode resourceSpans : root.path("resourceSpans")) {
      for (JsonNode scopeSpans : resourceSpans.path("scopeSpans")) {
        count += scopeSpans.path("spans").size();
      }
    }
    return count;
  }
}
