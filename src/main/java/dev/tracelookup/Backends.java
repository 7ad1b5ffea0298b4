package dev.tracelookup;

import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.backend.jaeger.JaegerBackend;
import dev.tracelookup.backend.jaeger.JaegerOptions;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.backend.otlpfile.OtlpFileOptions;
import dev.tracelookup.backend.tempo.TempoBackend;
import dev.tracelookup.backend.tempo.TempoOptions;
import dev.tracelookup.backend.zipkin.ZipkinBackend;
import dev.tracelookup.backend.zipkin.ZipkinOptions;
import dev.tracelookup.config.Config;
import dev.tracelookup.telemetry.Telemetry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/** Builds the configured trace backend; the one place that maps backend config to constructors. */
final class Backends {
  private Backends() {}

  static TraceBackend create(Config config, HttpClient client, Clock clock) {
    return create(config, client, clock, Telemetry.noop());
  }

  /** Returns the backend; its HTTP calls, if it makes any, record client spans. */
  static TraceBackend create(Config config, HttpClient client, Clock clock, Telemetry telemetry) {
    Config.Backend backend = config.backend();
    switch (backend.type()) {
      case "tempo":
        return new TempoBackend(http(config, client, clock, telemetry), backend.userAttributes(), tempo(config), clock);
      case "jaeger":
        return new JaegerBackend(http(config, client, clock, telemetry), backend.userAttributes(), jaeger(backend));
      case "zipkin":
        return new ZipkinBackend(http(config, client, clock, telemetry), backend.userAttributes(),
            new ZipkinOptions(backend.uiUrl().map(URI::create)));
      default:
        return files(backend, clock);
    }
  }

  private static TraceBackend files(Config.Backend backend, Clock clock) {
    Config.OtlpFiles following = backend.otlpFiles();
    try {
      OtlpFileBackend files = OtlpFileBackend.open(backend.directory(), backend.userAttributes(), backend.uiUrl(),
          backend.name(), new OtlpFileOptions(following.pollInterval(), following.maxAge(), following.deleteExpired()),
          clock);
      // A daemon thread: it holds no work that must finish, and must not keep a CLI run alive.
      files.follow(Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "otlp-file-follow");
        thread.setDaemon(true);
        return thread;
      }));
      return files;
    } catch (IOException unreadable) {
      throw new UncheckedIOException("backend.directory " + backend.directory() + " cannot be read", unreadable);
    }
  }

  private static BackendHttp http(Config config, HttpClient client, Clock clock, Telemetry telemetry) {
    Config.Backend backend = config.backend();
    Map<String, String> headers = new LinkedHashMap<>();
    backend.headers().forEach((name, value) -> headers.put(name, value.value()));
    // A backend call must leave the lookup time to render and answer: retries share this budget.
    Duration budget = config.lookup().budget().minusSeconds(3);
    Endpoint endpoint = new Endpoint(backend.name(), backend.url().orElseThrow(), headers, backend.timeout(),
        budget.isNegative() ? config.lookup().budget() : budget, backend.attempts(), backend.maxResponseBytes());
    return new BackendHttp(client, endpoint, clock, duration -> Thread.sleep(duration.toMillis()), telemetry);
  }

  private static TempoOptions tempo(Config config) {
    Config.Tempo tempo = config.backend().tempo();
    TempoOptions defaults = TempoOptions.defaults();
    TempoOptions options = new TempoOptions(defaults.grafanaUrl(), defaults.datasourceUid(), defaults.orgId(),
        config.lookup().maxWindow(), defaults.endCutoff(), defaults.spss(), TempoOptions.ApiVersion.fromName(tempo.api()));
    return tempo.grafanaUrl().map(url -> options.withGrafana(url, tempo.datasourceUid(), tempo.orgId())).orElse(options);
  }

  private static JaegerOptions jaeger(Config.Backend backend) {
    JaegerOptions.Api api = backend.jaeger().api().equals("v1") ? JaegerOptions.Api.V1 : JaegerOptions.Api.V3;
    return new JaegerOptions(api, backend.jaeger().services(),
        backend.uiUrl().or(() -> backend.url().map(URI::toString)).map(URI::create));
  }
}
