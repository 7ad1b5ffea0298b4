package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.BlastTraces.CUSTOMER;
import static dev.tracelookup.backend.BlastTraces.failedOrder;
import static dev.tracelookup.backend.BlastTraces.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BlastTraces;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.trace.Trace;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The blast-radius count against a real zipkin-server 3.5.1: INC-4521's failed order as five other
 * requests of three other customers and the looked-up customer's own, sent as OpenTelemetry's
 * Zipkin exporter would. The server jar is copied to {@code target/zipkin} by {@code mvn verify}.
 */
final class ZipkinBlastRadiusIT {
  private static final Path DEFAULT_JAR =
      Path.of("target", "zipkin", "zipkin-server-3.5.1-exec.jar");
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private static ZipkinServerProcess server;
  private static ZipkinBackend backend;

  @BeforeAll
  static void startZipkinWithTheBurst() throws Exception {
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
            jar, Path.of("target", "zipkin", "zipkin-server-blast.log"), READY_WITHIN);
    List<Trace> burst =
        List.of(
            failedOrder(1, CUSTOMER, 0),
            failedOrder(2, "usr_other1", 60_000),
            failedOrder(3, "usr_other1", 120_000),
            failedOrder(4, "usr_other2", -180_000),
            failedOrder(5, "usr_other3", 240_000),
            failedOrder(6, "usr_other3", 300_000));
    server.postSpans(FakeZipkin.JSON.writeValueAsString(OtelToZipkin.spans(burst)));
    for (int n = 1; n <= 6; n++) {
      server.awaitStatus("/api/v2/trace/" + BlastTraces.traceId(n), 200, Duration.ofSeconds(10));
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
            DemoLookups.USER_KEYS,
            ZipkinOptions.defaults());
  }

  @AfterAll
  static void stopZipkin() throws InterruptedException {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void countSameFailure_realZipkin_countsOtherRequestsAndCustomers() {
    FailureTally.Counts counts = counted(backend.countSameFailure(query(50))).excluding(CUSTOMER);

    assertThat(counts.requests()).isEqualTo(5);
    assertThat(counts.customers()).isEqualTo(3);
    assertThat(counts.atLeast()).isFalse();
  }

  @Test
  void countSameFailure_realZipkinAtTheLimit_saysAtLeast() {
    FailureTally.Counts counts = counted(backend.countSameFailure(query(3))).excluding(CUSTOMER);

    assertThat(counts.atLeast()).isTrue();
    assertThat(counts.requests()).isBetween(2, 3);
  }

  private static FailureTally counted(SameFailureCount count) {
    assertThat(count).isInstanceOf(SameFailureCount.Counted.class);
    return ((SameFailureCount.Counted) count).tally();
  }
}
