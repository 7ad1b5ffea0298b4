package dev.tracelookup.shapes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.zipkin.ZipkinBackend;
import dev.tracelookup.backend.zipkin.ZipkinOptions;
import dev.tracelookup.backend.zipkin.ZipkinServerProcess;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.shapes.TraceShapes.TraceShape;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shape that Zipkin can hold, stored in a real zipkin-server 3.5.1 as Brave, Envoy or the
 * Collector's Zipkin exporter reported it, then looked up with the {@code lookup} command as an
 * agent would. The server jar is copied to {@code target/zipkin} by {@code mvn verify}; without it
 * this test fails rather than skips.
 *
 * <p>Zipkin cannot search by span link, so a consumer that ran in a trace of its own is not found:
 * for those shapes the card shows the producer's success and says what it could not follow.
 */
final class TraceShapeZipkinIT {
  private static final Path DEFAULT_JAR =
      Path.of("target", "zipkin", "zipkin-server-3.5.1-exec.jar");

  private static ZipkinServerProcess server;
  private static TraceBackend backend;
  private static ExecutorService pool;

  @BeforeAll
  static void storeEveryShapeInZipkin() throws Exception {
    Path jar = Path.of(System.getProperty("zipkin.server.jar", DEFAULT_JAR.toString()));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "zipkin-server jar not found at "
              + jar.toAbsolutePath()
              + ". Run `mvn verify`:"
              + " its pre-integration-test phase copies io.zipkin:zipkin-server:3.5.1:exec there.");
    }
    server =
        ZipkinServerProcess.start(
            jar, Path.of("target", "zipkin", "zipkin-shapes.log"), Duration.ofSeconds(60));
    for (TraceShape shape : zipkinShapes().toList()) {
      for (String file : ShapeBackends.files(shape)) {
        if (file.startsWith("zipkin")) {
          server.postSpans(new String(ShapeBackends.bytes(shape, file), StandardCharsets.UTF_8));
        }
      }
    }
    for (TraceShape shape : zipkinShapes().toList()) {
      server.awaitStatus("/api/v2/trace/" + shape.traceId(), 200, Duration.ofSeconds(10));
    }
    Endpoint endpoint =
        new Endpoint(
            "Zipkin",
            server.uri(),
            Map.of(),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            2,
            50_000_000);
    backend =
        new ZipkinBackend(
            new BackendHttp(HttpClient.newHttpClient(), endpoint, Clock.systemUTC(), pause -> {}),
            ShapeBackends.USER_KEYS,
            ZipkinOptions.defaults());
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterAll
  static void stopZipkin() throws InterruptedException {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (server != null) {
      server.stop();
    }
  }

  static Stream<Arguments> shapes() {
    return zipkinShapes().map(shape -> Arguments.of(Named.of(shape.dir(), shape)));
  }

  private static Stream<TraceShape> zipkinShapes() {
    return TraceShapes.all().stream().filter(shape -> shape.formats().contains("zipkin"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void lookup_everyShapeInARealZipkin_firstLineSaysWhatTheCustomerSawAndRootCauseNamesTheCulprit(
      TraceShape shape) {
    List<String> lines = ShapeCards.lookup(shape, backend, pool);

    boolean queuedWorkOutOfReach = shape.linked() && shape.asynchronous();
    ShapeCards.assertCard(
        shape, lines, queuedWorkOutOfReach ? "SUCCEEDED" : shape.expectedVerdict());
    if (queuedWorkOutOfReach) {
      assertThat(lines).anyMatch(line -> line.contains("Zipkin cannot search by span link"));
    }
  }
}
