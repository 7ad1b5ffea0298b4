package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.trace.Trace;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bot against a real zipkin-server 3.5.1, fed the demo user's day as OpenTelemetry's Zipkin
 * exporter would send it. The server jar is copied to {@code target/zipkin} by {@code mvn verify};
 * without it this test fails rather than skips, so CI cannot pass without really running it.
 */
final class ZipkinBackendIT {
  private static final Path DEFAULT_JAR =
      Path.of("target", "zipkin", "zipkin-server-3.5.1-exec.jar");
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private static ZipkinServerProcess server;
  private static OtlpFileBackend files;
  private static ZipkinBackend backend;

  @BeforeAll
  static void startZipkinWithTheDemoUsersDay() throws Exception {
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
            jar, Path.of("target", "zipkin", "zipkin-server.log"), READY_WITHIN);
    files = DemoLookups.fileBackend();
    server.postSpans(
        FakeZipkin.JSON.writeValueAsString(OtelToZipkin.spans(DemoLookups.tracesOfTheDay(files))));
    server.awaitStatus("/api/v2/trace/" + DemoLookups.WRITE_UP_TRACE, 200, Duration.ofSeconds(10));
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

  private static List<String> traceIds(SearchResult result) {
    return ((SearchResult.Found) result)
        .traces().stream().map(TraceRef::traceId).collect(Collectors.toList());
  }

  private static TraceQuery writeUpWindow(Optional<String> service, boolean errorsOnly) {
    return new TraceQuery(
        DemoLookups.USER,
        DemoLookups.FROM,
        DemoLookups.TO,
        service,
        Optional.empty(),
        errorsOnly,
        20);
  }

  @Test
  void lookup_writeUpWindow_showsThePaymentGatewayFailureAsTheFileBackendDoes() {
    String card = DemoLookups.lookupText(backend);

    List<String> path = DemoLookups.errorPath(card);
    String throughFiles = DemoLookups.lookupText(DemoLookups.lowerCasedNames(files, "Zipkin"));
    assertThat(path).isEqualTo(DemoLookups.errorPath(throughFiles));
    assertThat(path)
        .contains(
            "     ❌ post payment-svc/charge → 502 Bad Gateway",
            "        ConnectionRefusedError: payment gateway timeout");
    assertThat(path.get(path.size() - 1))
        .startsWith(
            "Root cause: order-svc → payment-svc · post payment-svc/charge → 502 Bad Gateway");
  }

  @Test
  void search_writeUpWindow_findsTheSameTracesAsTheFileBackend() {
    List<String> found = traceIds(backend.search(writeUpWindow(Optional.empty(), false)));

    assertThat(found)
        .containsExactlyInAnyOrderElementsOf(
            traceIds(files.search(writeUpWindow(Optional.empty(), false))));
    assertThat(found).contains(DemoLookups.WRITE_UP_TRACE);
  }

  @Test
  void search_errorsOnly_findsOnlyTheFailedOrder() {
    SearchResult result = backend.search(writeUpWindow(Optional.empty(), true));

    assertThat(traceIds(result)).containsExactly(DemoLookups.WRITE_UP_TRACE);
  }

  @Test
  void search_upperCaseServiceWhoseSpanHasTheEnduserId_findsTheFailedOrder() {
    SearchResult result = backend.search(writeUpWindow(Optional.of("Inventory-Svc"), false));

    assertThat(traceIds(result)).contains(DemoLookups.WRITE_UP_TRACE);
  }

  /**
   * Zipkin's quirk: with a service name, every term (user ID and error) must be on that service's
   * spans.
   */
  @Test
  void search_errorsOnlyForAServiceThatDidNotFail_findsNothing() {
    SearchResult result = backend.search(writeUpWindow(Optional.of("inventory-svc"), true));

    assertThat(traceIds(result)).isEmpty();
  }

  @Test
  void fetch_upperCaseId_readsTheWholeTrace() {
    FetchResult result = backend.fetch(DemoLookups.WRITE_UP_TRACE.toUpperCase());

    Trace trace = ((FetchResult.Fetched) result).trace();
    assertThat(trace.traceId()).isEqualTo(DemoLookups.WRITE_UP_TRACE);
    Trace fromFiles = ((FetchResult.Fetched) files.fetch(DemoLookups.WRITE_UP_TRACE)).trace();
    assertThat(trace.spans()).hasSameSizeAs(fromFiles.spans());
  }

  @Test
  void fetch_unknownTrace_isNotFound() {
    assertThat(backend.fetch("0af7651916cd43dd8448eb211c80319c"))
        .isInstanceOf(FetchResult.NotFound.class);
  }

  @Test
  void traceUrl_opensTheTraceInZipkinsUi() throws Exception {
    String url = backend.traceUrl(DemoLookups.WRITE_UP_TRACE, Optional.empty()).orElseThrow();

    HttpResponse<String> page = server.get(url.substring(server.uri().toString().length()));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("text/html"));
  }
}
