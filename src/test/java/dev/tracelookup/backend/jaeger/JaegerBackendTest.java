package dev.tracelookup.backend.jaeger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class JaegerBackendTest {
  private static final URI UNUSED = URI.create("http://127.0.0.1:9/");
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private final List<Duration> pauses = new ArrayList<>();

  private JaegerBackend withUi(String ui) {
    return JaegerTesting.backend(
        UNUSED,
        new JaegerOptions(JaegerOptions.Api.V3, List.of(), Optional.of(URI.create(ui))),
        pauses);
  }

  @Test
  void traceUrl_withSpan_focusesItWithUiFind() {
    JaegerBackend backend = withUi("https://jaeger.example.com");

    Optional<String> url = backend.traceUrl(TRACE, Optional.of("00f067aa0ba902b7"));

    assertThat(url)
        .hasValue("https://jaeger.example.com/trace/" + TRACE + "?uiFind=00f067aa0ba902b7");
  }

  @Test
  void traceUrl_withoutSpan_hasNoQuery() {
    JaegerBackend backend = withUi("https://jaeger.example.com/");

    Optional<String> url = backend.traceUrl(TRACE, Optional.empty());

    assertThat(url).hasValue("https://jaeger.example.com/trace/" + TRACE);
  }

  @Test
  void traceUrl_uiUnderABasePath_keepsThePath() {
    JaegerBackend backend = withUi("https://tools.example.com/jaeger/");

    Optional<String> url = backend.traceUrl(TRACE, Optional.empty());

    assertThat(url).hasValue("https://tools.example.com/jaeger/trace/" + TRACE);
  }

  @Test
  void traceUrl_hostileIds_areEncoded() {
    JaegerBackend backend = withUi("https://jaeger.example.com");

    Optional<String> url = backend.traceUrl("a/b?c", Optional.of("x&y=z"));

    assertThat(url).hasValue("https://jaeger.example.com/trace/a%2Fb%3Fc?uiFind=x%26y%3Dz");
  }

  @Test
  void traceUrl_noUi_isEmpty() {
    JaegerBackend backend = JaegerTesting.backend(UNUSED, JaegerOptions.defaults(), pauses);

    Optional<String> url = backend.traceUrl(TRACE, Optional.of("00f067aa0ba902b7"));

    assertThat(url).isEmpty();
  }

  @Test
  void constructor_noUserKeys_isRefused() {
    assertThatThrownBy(
            () ->
                new JaegerBackend(
                    JaegerTesting.http(UNUSED, pauses, 1000), List.of(), JaegerOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user attribute key");
  }

  @Test
  void options_blankEntryService_isRefused() {
    assertThatThrownBy(
            () ->
                new JaegerOptions(
                    JaegerOptions.Api.V1, List.of("api-gateway", " "), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void options_defaults_areV3WithoutServicesOrUi() {
    JaegerOptions defaults = JaegerOptions.defaults();

    assertThat(defaults)
        .isEqualTo(new JaegerOptions(JaegerOptions.Api.V3, List.of(), Optional.empty()));
  }
}
