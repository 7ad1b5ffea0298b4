package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class ZipkinBackendTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static BackendHttp http(String name, String baseUrl) {
    Endpoint endpoint =
        new Endpoint(
            name,
            URI.create(baseUrl),
            Map.of(),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            1,
            1000);
    return new BackendHttp(HttpClient.newHttpClient(), endpoint, Clock.systemUTC(), pause -> {});
  }

  private static ZipkinBackend backend(String baseUrl, ZipkinOptions options) {
    return new ZipkinBackend(http("Zipkin (prod)", baseUrl), List.of("user.id"), options);
  }

  @Test
  void displayName_isTheEndpointsBackendName() {
    assertThat(backend("http://zipkin:9411", ZipkinOptions.defaults()).displayName())
        .isEqualTo("Zipkin (prod)");
  }

  @Test
  void traceUrl_noUiUrl_linksUnderTheApiBaseUrl() {
    ZipkinBackend backend = backend("http://zipkin:9411/", ZipkinOptions.defaults());

    assertThat(backend.traceUrl(TRACE_ID, Optional.of("00f067aa0ba902b7")))
        .hasValue("http://zipkin:9411/zipkin/traces/" + TRACE_ID);
  }

  @Test
  void traceUrl_uiUrlWithPath_linksUnderIt() {
    ZipkinBackend backend =
        backend(
            "http://zipkin:9411",
            new ZipkinOptions(Optional.of(URI.create("https://tracing.example.com/eu/"))));

    assertThat(backend.traceUrl(TRACE_ID.toUpperCase(), Optional.empty()))
        .hasValue("https://tracing.example.com/eu/zipkin/traces/" + TRACE_ID);
  }

  /** Zipkin reads a 32-character ID whose high half is zeros as the 64-bit ID, so links keep it. */
  @Test
  void traceUrl_64BitIdPaddedTo32_keepsTheFullId() {
    ZipkinBackend backend = backend("http://zipkin:9411", ZipkinOptions.defaults());

    assertThat(backend.traceUrl("0000000000000000463ac35c9f6413ad", Optional.empty()))
        .hasValue("http://zipkin:9411/zipkin/traces/0000000000000000463ac35c9f6413ad");
  }

  @Test
  void traceUrl_strangeId_isEncoded() {
    ZipkinBackend backend = backend("http://zipkin:9411", ZipkinOptions.defaults());

    assertThat(backend.traceUrl("a/b?c", Optional.empty()))
        .hasValue("http://zipkin:9411/zipkin/traces/a%2Fb%3Fc");
  }

  @Test
  void new_noUserKeys_isRefused() {
    BackendHttp http = http("Zipkin", "http://zipkin:9411");

    assertThatThrownBy(() -> new ZipkinBackend(http, List.of(), ZipkinOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no user attribute keys");
  }

  @Test
  void new_keyThatWouldChangeTheQuery_isRefused() {
    assertThatThrownBy(
            () ->
                new ZipkinBackend(
                    http("Zipkin", "http://zipkin:9411"),
                    List.of("user.id", "user id=x"),
                    ZipkinOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a user attribute key cannot be used in a Zipkin annotation query: user id=x");
  }

  @Test
  void options_relativeOrNonWebUiUrl_isRefused() {
    assertThatThrownBy(() -> new ZipkinOptions(Optional.of(URI.create("/zipkin"))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ZipkinOptions(Optional.of(URI.create("file:///etc/passwd"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
