package dev.tracelookup.incidents;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The HTTP settings every remote incident source shares; each source adds its own base URL and auth
 * header through {@link #open}.
 *
 * @param timeout per HTTP attempt
 * @param budget for one page, retries and waits included
 * @param maxAttempts per page; 1 means no retry
 * @param maxBodyBytes per page
 * @param pause waits between attempts; tests pass one that records instead of sleeping
 */
public record SourceHttp(
    HttpClient client,
    Clock clock,
    BackendHttp.Pause pause,
    Duration timeout,
    Duration budget,
    int maxAttempts,
    long maxBodyBytes) {

  public SourceHttp {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(pause, "pause");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(budget, "budget");
  }

  /** Returns 10 s per attempt, 30 s per page, 3 attempts, 16 MiB per page, real sleeping. */
  public static SourceHttp defaults(HttpClient client, Clock clock) {
    return new SourceHttp(
        client,
        clock,
        wait -> Thread.sleep(wait.toMillis()),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        3,
        16L * 1024 * 1024);
  }

  /** Returns a client for one source; the headers carry its auth and are never logged. */
  public BackendHttp open(String sourceName, URI baseUrl, Map<String, String> headers) {
    Endpoint endpoint =
        new Endpoint(sourceName, baseUrl, headers, timeout, budget, maxAttempts, maxBodyBytes);
    return new BackendHttp(client, endpoint, clock, pause);
  }
}
