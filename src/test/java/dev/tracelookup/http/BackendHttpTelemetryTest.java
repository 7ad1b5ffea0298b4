package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.HttpFailure.Kind;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client spans and request durations of {@link BackendHttp}, and its readiness check. */
final class BackendHttpTelemetryTest {
  private static final BodyReader<String> TEXT =
      body -> new String(body.readAllBytes(), StandardCharsets.UTF_8);

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private BackendHttp http(URI base) {
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            base,
            Map.of("Authorization", "Bearer secret-token"),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            3,
            10_000);
    return new BackendHttp(
        HttpClient.newHttpClient(),
        endpoint,
        Clock.systemUTC(),
        wait -> {},
        Telemetry.of(otel.getOpenTelemetry()));
  }

  private BackendHttp serving(Function<FakeHttpServer.RecordedRequest, Reply> router)
      throws Exception {
    server = new FakeHttpServer(router);
    return http(server.uri());
  }

  @Test
  void get_503ThenOk_recordsOneClientSpanPerAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    BackendHttp http =
        serving(
            request -> calls.incrementAndGet() == 1 ? Reply.status(503, "busy") : Reply.json("{}"));

    http.get("/api/search?q=%7B.user.id%3D%22usr_k8x9m2%22%7D", "application/json", TEXT);

    List<SpanData> spans = otel.getSpans();
    assertThat(spans)
        .hasSize(2)
        .allSatisfy(
            span -> {
              assertThat(span.getName()).isEqualTo("GET");
              assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
              assertThat(span.getAttributes().get(HttpSpans.URL_TEMPLATE)).isEqualTo("/api/search");
              assertThat(span.getAttributes().get(HttpSpans.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
              assertThat(span.getAttributes().get(TelemetryKeys.BACKEND)).isEqualTo("Tempo");
            });
    assertThat(spans.get(0).getAttributes().get(HttpSpans.STATUS)).isEqualTo(503L);
    assertThat(spans.get(0).getAttributes().get(TelemetryKeys.ERROR_TYPE)).isEqualTo("503");
    assertThat(spans.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(spans.get(1).getAttributes().get(HttpSpans.STATUS)).isEqualTo(200L);
    assertThat(spans.get(1).getAttributes().get(HttpSpans.RESEND_COUNT)).isEqualTo(1L);
    assertThat(spans.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void get_anyCall_recordsNeitherTheQueryNorIdsInThePathNorHeaders() throws Exception {
    BackendHttp http = serving(request -> Reply.json("{}"));

    http.get(
        "/api/v2/traces/0af7651916cd43dd8448eb211c80319c?q=usr_k8x9m2", "application/json", TEXT);

    SpanData span = otel.getSpans().get(0);
    assertThat(span.getAttributes().get(HttpSpans.URL_TEMPLATE)).isEqualTo("/api/v2/traces/{id}");
    assertThat(span.getAttributes().asMap().values())
        .map(Object::toString)
        .noneMatch(
            value ->
                value.contains("usr_k8x9m2")
                    || value.contains("0af76519")
                    || value.contains("secret"));
  }

  @Test
  void get_refused_recordsDurationWithTheFailureKindAsErrorType() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    BackendHttp http = http(URI.create("http://127.0.0.1:" + port));

    http.get("/api/search", "application/json", TEXT);

    List<HistogramPointData> points =
        otel.getMetrics().stream()
            .filter(metric -> metric.getName().equals("http.client.request.duration"))
            .flatMap(metric -> metric.getHistogramData().getPoints().stream())
            .toList();
    assertThat(points)
        .singleElement()
        .satisfies(
            point -> {
              assertThat(point.getCount()).isEqualTo(3);
              assertThat(point.getAttributes())
                  .isEqualTo(
                      Attributes.builder()
                          .put(HttpSpans.METHOD, "GET")
                          .put(HttpSpans.URL_TEMPLATE, "/api/search")
                          .put(HttpSpans.SERVER_ADDRESS, "127.0.0.1")
                          .put(HttpSpans.SERVER_PORT, port)
                          .put(TelemetryKeys.BACKEND, "Tempo")
                          .put(TelemetryKeys.ERROR_TYPE, "unreachable")
                          .build());
            });
  }

  @Test
  void check_200_isOkAfterOneCallWithTheEndpointsHeaders() throws Exception {
    BackendHttp http = serving(request -> Reply.status(200, "echo"));

    Optional<HttpFailure> result = http.check("/api/echo");

    assertThat(result).isEmpty();
    FakeHttpServer.RecordedRequest sent = server.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/api/echo");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer secret-token");
  }

  @Test
  void check_503_failsWithoutRetry() throws Exception {
    BackendHttp http = serving(request -> Reply.status(503, "starting"));

    Optional<HttpFailure> result = http.check("/api/echo");

    assertThat(result)
        .hasValueSatisfying(failure -> assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR));
    server.takeRequest(Duration.ofSeconds(5));
    assertThat(server.pending()).isZero();
  }

  @Test
  void check_404_failsAsNotFound() throws Exception {
    BackendHttp http = serving(request -> Reply.status(404, "no such page"));

    Optional<HttpFailure> result = http.check("/api/echo?probe=1");

    // A backend reads this as REJECTED: TempoBackendCheckTest.
    assertThat(result)
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
              assertThat(failure.status()).hasValue(404);
              assertThat(failure.detail()).isEqualTo("GET /api/echo: not found (404)");
            });
  }

  @Test
  void template_idLikeSegments_becomePlaceholders() {
    assertThat(HttpSpans.template("/rest/api/3/issue/SUP-123")).isEqualTo("/rest/api/3/issue/{id}");
    assertThat(HttpSpans.template("/api/v2/tickets/4512.json")).isEqualTo("/api/v2/tickets/{id}");
    assertThat(HttpSpans.template("/api/v3/services")).isEqualTo("/api/v3/services");
  }
}
