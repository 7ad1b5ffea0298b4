package dev.tracelookup.app;

import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.jaeger.JaegerBackend;
import dev.tracelookup.backend.jaeger.JaegerOptions;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.backend.otlpfile.OtlpFileOptions;
import dev.tracelookup.backend.tempo.TempoBackend;
import dev.tracelookup.backend.tempo.TempoOptions;
import dev.tracelookup.backend.zipkin.ZipkinBackend;
import dev.tracelookup.backend.zipkin.ZipkinOptions;
import dev.tracelookup.config.Config;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.CallGate;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.http.RetryPolicy;
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
import java.util.concurrent.ScheduledExecutorService;

/** Builds the configured trace backend; the one place that maps backend config to constructors. */
final class Backends {
  private Backends() {}

  static TraceBackend create(Config config, HttpClient client, Clock clock) {
    return create(
        config,
        client,
        clock,
        Telemetry.noop(),
        daemon(),
        CallGate.unlimited(),
        SearchFanout.oneAtATime());
  }

  /**
   * Returns the backend; its HTTP calls, if it makes any, record client spans.
   *
   * @param follower runs the file backend's polling of its directory; its owner shuts it down
   * @param gate how many requests a remote backend may have open from the bot at once
   * @param fanout runs the searches a Jaeger or Zipkin query is made of at the same time
   */
  static TraceBackend create(
      Config config,
      HttpClient client,
      Clock clock,
      Telemetry telemetry,
      ScheduledExecutorService follower,
      CallGate gate,
      SearchFanout fanout) {
    Config.Backend backend = config.backend();
    // A switch expression: a new BackendType does not compile until it has its case here.
    return switch (backend.type()) {
      case OTLP_FILE -> files(backend, clock, follower);
      case TEMPO ->
          new TempoBackend(
              http(config, client, clock, telemetry, gate),
              backend.userAttributes(),
              tempo(config),
              clock);
      case JAEGER ->
          new JaegerBackend(
              http(config, client, clock, telemetry, gate),
              backend.userAttributes(),
              jaeger(backend),
              fanout);
      case ZIPKIN ->
          new ZipkinBackend(
              http(config, client, clock, telemetry, gate),
              backend.userAttributes(),
              new ZipkinOptions(backend.uiUrl().map(URI::create)),
              fanout);
    };
  }

  /**
   * Returns a scheduler on a daemon thread: polling holds no work that must finish, nor a CLI run
   * alive.
   */
  static ScheduledExecutorService daemon() {
    return Executors.newSingleThreadScheduledExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "otlp-file-follow");
          thread.setDaemon(true);
          return thread;
        });
  }

  private static TraceBackend files(
      Config.Backend backend, Clock clock, ScheduledExecutorService follower) {
    Config.OtlpFiles following = backend.otlpFiles();
    try {
      OtlpFileBackend files =
          OtlpFileBackend.open(
              backend.directory(),
              backend.userAttributes(),
              backend.uiUrl(),
              backend.name(),
              new OtlpFileOptions(
                  following.pollInterval(), following.maxAge(), following.deleteExpired()),
              clock);
      files.follow(follower);
      return files;
    } catch (IOException unreadable) {
      throw new UncheckedIOException(
          "backend.directory " + backend.directory() + " cannot be read", unreadable);
    }
  }

  private static BackendHttp http(
      Config config, HttpClient client, Clock clock, Telemetry telemetry, CallGate gate) {
    Config.Backend backend = config.backend();
    Map<String, String> headers = new LinkedHashMap<>();
    backend.headers().forEach((name, value) -> headers.put(name, value.value()));
    // A backend call must leave the lookup time to render and answer: retries share this budget.
    Duration budget = config.lookup().budget().minusSeconds(3);
    // Searches and trace fetches are idempotent reads: every transient failure is worth retrying.
    RetryPolicy retry = RetryPolicy.transientFailures(backend.attempts());
    Endpoint endpoint =
        new Endpoint(
            backend.name(),
            backend.url().orElseThrow(),
            headers,
            backend.timeout(),
            budget.isNegative() ? config.lookup().budget() : budget,
            retry,
            backend.maxResponseBytes());
    return new BackendHttp(
        client, endpoint, clock, duration -> Thread.sleep(duration.toMillis()), telemetry, gate);
  }

  private static TempoOptions tempo(Config config) {
    Config.Tempo tempo = config.backend().tempo();
    TempoOptions defaults = TempoOptions.defaults();
    TempoOptions options =
        new TempoOptions(
            defaults.grafanaUrl(),
            defaults.datasourceUid(),
            defaults.orgId(),
            config.lookup().maxWindow(),
            defaults.endCutoff(),
            defaults.spss(),
            TempoOptions.ApiVersion.fromName(tempo.api()));
    return tempo
        .grafanaUrl()
        .map(url -> options.withGrafana(url, tempo.datasourceUid(), tempo.orgId()))
        .orElse(options);
  }

  private static JaegerOptions jaeger(Config.Backend backend) {
    JaegerOptions.Api api =
        backend.jaeger().api().equals("v1") ? JaegerOptions.Api.V1 : JaegerOptions.Api.V3;
    return new JaegerOptions(
        api,
        backend.jaeger().services(),
        backend.uiUrl().or(() -> backend.url().map(URI::toString)).map(URI::create));
  }
}
