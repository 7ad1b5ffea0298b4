package dev.tracelookup.backend.zipkin;

import dev.tracelookup.backend.SearchFanout;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Zipkin backends for tests: two attempts, a 5 s budget, waits recorded instead of waited. */
final class TestZipkinBackends {
  static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private TestZipkinBackends() {}

  static ZipkinBackend against(URI base, List<Duration> pauses) {
    return against(base, pauses, Duration.ofSeconds(2), 1_000_000);
  }

  static ZipkinBackend against(URI base, List<Duration> pauses, SearchFanout fanout) {
    return against(base, pauses, Duration.ofSeconds(2), 1_000_000, fanout);
  }

  static ZipkinBackend against(
      URI base, List<Duration> pauses, Duration timeout, long maxBodyBytes) {
    return against(base, pauses, timeout, maxBodyBytes, SearchFanout.oneAtATime());
  }

  private static ZipkinBackend against(
      URI base, List<Duration> pauses, Duration timeout, long maxBodyBytes, SearchFanout fanout) {
    Endpoint endpoint =
        new Endpoint("Zipkin", base, Map.of(), timeout, Duration.ofSeconds(5), 2, maxBodyBytes);
    return new ZipkinBackend(
        new BackendHttp(CLIENT, endpoint, Clock.systemUTC(), pauses::add),
        USER_KEYS,
        ZipkinOptions.defaults(),
        fanout);
  }
}
