package dev.tracelookup.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the {@code backend:} section; {@code TRACE_BACKEND_TYPE} and {@code
 * TRACE_BACKEND_URL} override it, so a container can be pointed at a backend with two variables.
 */
final class BackendSettings {
  // The otlp-file backend's link placeholders (OtlpFileBackend.TRACE_ID_PLACEHOLDER,
  // SPAN_ID_PLACEHOLDER).
  private static final String TRACE_ID_PLACEHOLDER = "{traceId}";
  private static final String SPAN_ID_PLACEHOLDER = "{spanId}";
  private static final String SAMPLE_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SAMPLE_SPAN_ID = "00f067aa0ba902b7";
  private static final String UI_TEMPLATE_EXAMPLE =
      "http://localhost:16686/trace/{traceId}?uiFind={spanId}";

  private BackendSettings() {}

  static Config.Backend read(Settings settings, Map<String, String> env, Path base) {
    String typeName =
        override(env, "TRACE_BACKEND_TYPE", settings.string("backend.type", "otlp-file"));
    // Empty when unknown: reported here, and checked no further than an unknown type can be.
    Optional<BackendType> type = BackendType.fromConfigName(typeName);
    if (type.isEmpty()) {
      settings.problem(
          "backend.type",
          "\"" + typeName + "\" is not a known backend; known: " + BackendType.configNames(),
          "tempo");
    }
    String name =
        settings.string("backend.name", type.map(BackendType::displayName).orElse(typeName));
    Path directory =
        (base == null ? Path.of(".") : base)
            .resolve(settings.string("backend.directory", "demo"))
            .normalize();
    if (type.equals(Optional.of(BackendType.OTLP_FILE)) && !Files.isDirectory(directory)) {
      settings.problem(
          "backend.directory", "the directory " + directory + " does not exist", "demo");
    }
    Optional<URI> url = url(settings, env, type);
    Optional<String> uiUrl = settings.optionalString("backend.ui-url");
    uiUrl.ifPresent(ui -> uiUrl(settings, type, ui));
    // An unknown type has been reported, so this record is never used: the default keeps reading
    // going.
    return new Config.Backend(
        type.orElse(BackendType.OTLP_FILE),
        name,
        directory,
        url,
        settings.strings("backend.user-attributes", List.of("user.id", "enduser.id")),
        uiUrl,
        BackendHeaders.read(settings, env),
        settings.duration("backend.timeout", Duration.ofSeconds(10), "10s"),
        (int) settings.number("backend.attempts", 3, 1, 10),
        (int) settings.number("backend.max-concurrent", 256, 1, 100_000),
        settings.number(
            "backend.max-response-bytes", 64L * 1024 * 1024, 1024, 4L * 1024 * 1024 * 1024),
        tempo(settings),
        jaeger(settings, type.equals(Optional.of(BackendType.JAEGER))),
        otlpFiles(settings));
  }

  private static Config.OtlpFiles otlpFiles(Settings settings) {
    Duration poll = settings.duration("backend.poll-interval", Duration.ofSeconds(2), "2s");
    Optional<Duration> maxAge =
        settings.optionalString("backend.max-age").isPresent()
            ? Optional.of(settings.duration("backend.max-age", Duration.ofDays(7), "7d"))
            : Optional.empty();
    boolean delete = bool(settings, "backend.delete-expired");
    if (delete && maxAge.isEmpty()) {
      settings.problem(
          "backend.delete-expired",
          "needs backend.max-age: files are deleted once older than it",
          "backend.max-age: 7d");
      delete = false;
    }
    return new Config.OtlpFiles(poll, maxAge, delete);
  }

  private static boolean bool(Settings settings, String key) {
    String text = settings.string(key, "false").trim();
    if (!text.equals("true") && !text.equals("false")) {
      settings.problem(key, "\"" + text + "\" is not true or false", "true");
      return false;
    }
    return text.equals("true");
  }

  private static Optional<URI> url(
      Settings settings, Map<String, String> env, Optional<BackendType> type) {
    String text = override(env, "TRACE_BACKEND_URL", settings.string("backend.url", ""));
    if (type.isEmpty() || !type.get().remote()) {
      return Optional.empty();
    }
    String example = type.get().exampleUrl().orElseThrow();
    if (text.isEmpty()) {
      settings.problem(
          "backend.url",
          "is required for " + type.get().configName() + " (or set TRACE_BACKEND_URL)",
          example);
      return Optional.empty();
    }
    return httpUrl(settings, "backend.url", text, example);
  }

  private static Config.Tempo tempo(Settings settings) {
    Optional<URI> grafana =
        settings
            .optionalString("backend.tempo.grafana-url")
            .flatMap(
                text ->
                    httpUrl(
                        settings,
                        "backend.tempo.grafana-url",
                        text,
                        "https://grafana.example.com"));
    String api = settings.string("backend.tempo.api", "v2");
    if (!Set.of("v1", "v2").contains(api)) {
      settings.problem("backend.tempo.api", "\"" + api + "\" is not v1 or v2", "v2");
    }
    return new Config.Tempo(
        grafana,
        settings.string("backend.tempo.datasource-uid", "tempo"),
        settings.number("backend.tempo.org-id", 1, 1, Long.MAX_VALUE),
        api);
  }

  private static Config.Jaeger jaeger(Settings settings, boolean jaegerBackend) {
    String api = settings.string("backend.jaeger.api", "v3");
    if (!Set.of("v1", "v3").contains(api)) {
      settings.problem("backend.jaeger.api", "\"" + api + "\" is not v3 or v1", "v3");
    }
    List<String> services =
        settings.node("backend.jaeger.services").isMissingNode()
            ? List.of()
            : settings.strings("backend.jaeger.services", List.of("frontend"));
    if (jaegerBackend && api.equals("v1") && services.isEmpty()) {
      settings.problem(
          "backend.jaeger.services",
          "Jaeger's v1 search needs the entry services to search",
          "[frontend, api-gateway]");
    }
    return new Config.Jaeger(api, services);
  }

  /**
   * Checks {@code backend.ui-url}: for {@code otlp-file} a link template, checked as a URL once
   * sample IDs fill its placeholders (a URI cannot hold braces); for the others the UI's base URL.
   */
  private static void uiUrl(Settings settings, Optional<BackendType> type, String text) {
    if (!type.equals(Optional.of(BackendType.OTLP_FILE))) {
      httpUrl(settings, "backend.ui-url", text, "https://jaeger.example.com");
      return;
    }
    if (!text.contains(TRACE_ID_PLACEHOLDER)) {
      settings.problem(
          "backend.ui-url",
          "\"" + text + "\" has no " + TRACE_ID_PLACEHOLDER + " placeholder for the trace's ID",
          UI_TEMPLATE_EXAMPLE);
      return;
    }
    String sample =
        text.replace(TRACE_ID_PLACEHOLDER, SAMPLE_TRACE_ID)
            .replace(SPAN_ID_PLACEHOLDER, SAMPLE_SPAN_ID);
    if (parseHttpUrl(sample).isEmpty()) {
      settings.problem("backend.ui-url", notHttpUrl(text), UI_TEMPLATE_EXAMPLE);
    }
  }

  private static Optional<URI> httpUrl(Settings settings, String key, String text, String example) {
    Optional<URI> uri = parseHttpUrl(text);
    if (uri.isEmpty()) {
      settings.problem(key, notHttpUrl(text), example);
    }
    return uri;
  }

  private static Optional<URI> parseHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException notAUri) {
      // The caller reports it, with the others.
    }
    return Optional.empty();
  }

  private static String notHttpUrl(String text) {
    return "\"" + text + "\" is not an http(s) URL";
  }

  private static String override(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
