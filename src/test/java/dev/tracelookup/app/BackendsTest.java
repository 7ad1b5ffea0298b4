package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.jaeger.JaegerBackend;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.backend.tempo.TempoBackend;
import dev.tracelookup.backend.zipkin.ZipkinBackend;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.testing.FakeHttpServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration picks the backend, and its URL, auth and tenancy reach the wire. */
final class BackendsTest {
  @TempDir Path dir;
  private FakeHttpServer server;

  @BeforeEach
  void start() throws Exception {
    server =
        new FakeHttpServer(
            request ->
                request.path().contains("/api/v3/")
                    ? FakeHttpServer.Reply.status(
                        404, "{\"error\":{\"httpCode\":404,\"message\":\"trace not found\"}}")
                    : FakeHttpServer.Reply.json(
                        request.path().startsWith("/api/search") ? "{\"traces\":[]}" : "[]"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private TraceBackend backend(String yaml, Map<String, String> extraEnv) throws IOException {
    Files.createDirectories(dir.resolve("demo"));
    Path file = Files.writeString(dir.resolve("trace-lookup.yml"), yaml);
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put("TRACE_LOOKUP_CONFIG", file.toString());
    Config config = ConfigLoader.load(env);
    return Backends.create(config, HttpClient.newHttpClient(), Clock.systemUTC());
  }

  private static TraceQuery query() {
    return new TraceQuery(
        "usr_k8x9m2",
        Instant.parse("2026-02-06T14:00:00Z"),
        Instant.parse("2026-02-06T14:30:00Z"),
        Optional.empty(),
        Optional.empty(),
        false,
        20);
  }

  @Test
  void create_tempoFromTheEnvironment_sendsAuthAndTenantToTempo() throws Exception {
    TraceBackend backend =
        backend(
            "backend:\n"
                + "  auth:\n"
                + "    bearer-token-env: TEMPO_TOKEN\n"
                + "  headers:\n"
                + "    X-Scope-OrgID: acme\n"
                + "  tempo:\n"
                + "    grafana-url: https://grafana.example.com\n"
                + "    datasource-uid: tempo-prod\n",
            Map.of(
                "TRACE_BACKEND_TYPE",
                "tempo",
                "TRACE_BACKEND_URL",
                server.uri().toString(),
                "TEMPO_TOKEN",
                "tok"));

    SearchResult result = backend.search(query());

    assertThat(backend).isInstanceOf(TempoBackend.class);
    assertThat(backend.displayName()).isEqualTo("Tempo");
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    FakeHttpServer.RecordedRequest sent = server.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/api/search");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer tok");
    assertThat(sent.header("X-Scope-OrgID")).isEqualTo("acme");
    assertThat(
            backend.traceUrl("4bf92f3577b34da6a3ce929d0e0e4736", Optional.of("00000000000000a5")))
        .hasValueSatisfying(
            url ->
                assertThat(url)
                    .startsWith("https://grafana.example.com/explore?")
                    .contains("tempo-prod"));
  }

  @Test
  void create_jaegerV3_searchesTheV3GatewayAndLinksToItsUi() throws Exception {
    TraceBackend backend =
        backend("backend:\n  type: jaeger\n  url: " + server.uri() + "\n", Map.of());

    SearchResult result = backend.search(query());

    assertThat(backend).isInstanceOf(JaegerBackend.class);
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    assertThat(server.takeRequest(Duration.ofSeconds(5)).path()).isEqualTo("/api/v3/traces");
    assertThat(
            backend.traceUrl("4bf92f3577b34da6a3ce929d0e0e4736", Optional.of("00000000000000a5")))
        .contains(
            server
                .uri()
                .resolve("/trace/4bf92f3577b34da6a3ce929d0e0e4736?uiFind=00000000000000a5")
                .toString());
  }

  @Test
  void create_jaegerV1_searchesEachEntryService() throws Exception {
    TraceBackend backend =
        backend(
            "backend:\n  type: jaeger\n  url: "
                + server.uri()
                + "\n  jaeger:\n    api: v1\n"
                + "    services: [order-svc]\n",
            Map.of());

    backend.search(query());

    FakeHttpServer.RecordedRequest sent = server.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/api/traces");
    assertThat(sent.query()).contains("service=order-svc");
  }

  @Test
  void create_zipkin_searchesByAnnotationQuery() throws Exception {
    TraceBackend backend =
        backend(
            "backend:\n  type: zipkin\n  name: Zipkin (prod)\n  url: " + server.uri() + "\n",
            Map.of());

    backend.search(query());

    assertThat(backend).isInstanceOf(ZipkinBackend.class);
    assertThat(backend.displayName()).isEqualTo("Zipkin (prod)");
    assertThat(server.takeRequest(Duration.ofSeconds(5)).query())
        .contains("annotationQuery=user.id%3Dusr_k8x9m2");
  }

  @Test
  void create_default_isTheEmbeddedFileBackend() throws Exception {
    Files.copy(
        Path.of("config/demo/traces-2026-02-06.jsonl"),
        Files.createDirectories(dir.resolve("demo")).resolve("traces.jsonl"));

    TraceBackend backend = backend("", Map.of());

    assertThat(backend).isInstanceOf(OtlpFileBackend.class);
    assertThat(backend.displayName()).isEqualTo("demo files");
  }

  @Test
  void create_fileBackendWithUiTemplate_linksFillTheTraceAndTheSpan() throws Exception {
    Files.copy(
        Path.of("config/demo/traces-2026-02-06.jsonl"),
        Files.createDirectories(dir.resolve("demo")).resolve("traces.jsonl"));

    TraceBackend backend =
        backend(
            "backend:\n  ui-url: https://ui.example.com/trace/{traceId}?uiFind={spanId}\n",
            Map.of());

    assertThat(
            backend.traceUrl("4bf92f3577b34da6a3ce929d0e0e4736", Optional.of("00000000000000a5")))
        .contains(
            "https://ui.example.com/trace/4bf92f3577b34da6a3ce929d0e0e4736?uiFind=00000000000000a5");
  }
}
