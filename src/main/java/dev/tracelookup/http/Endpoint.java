package dev.tracelookup.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a backend lives and how to call it.
 *
 * @param baseUrl the API root, which may carry a path prefix (Grafana Cloud serves Tempo under
 *     {@code /tempo})
 * @param headers sent with every request: auth and tenancy ({@code Authorization}, {@code
 *     X-Scope-OrgID})
 * @param timeout per HTTP attempt
 * @param budget for one logical call, retries and waits included
 * @param retry when a failed attempt is tried again
 * @param maxBodyBytes larger answers are refused as they stream in
 */
public record Endpoint(
    String backendName,
    URI baseUrl,
    Map<String, String> headers,
    Duration timeout,
    Duration budget,
    RetryPolicy retry,
    long maxBodyBytes) {

  public Endpoint {
    Objects.requireNonNull(backendName, "backendName");
    Objects.requireNonNull(baseUrl, "baseUrl");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(retry, "retry");
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be positive");
    }
  }

  /** Returns an endpoint retrying transient failures up to {@code maxAttempts} times in all. */
  public Endpoint(
      String backendName,
      URI baseUrl,
      Map<String, String> headers,
      Duration timeout,
      Duration budget,
      int maxAttempts,
      long maxBodyBytes) {
    this(
        backendName,
        baseUrl,
        headers,
        timeout,
        budget,
        RetryPolicy.transientFailures(maxAttempts),
        maxBodyBytes);
  }

  /** Returns how many attempts one call may make, the first included. */
  public int maxAttempts() {
    return retry.maxAttempts();
  }

  /** Returns the absolute URI for a path (with its query) below the base URL. */
  public URI resolve(String pathAndQuery) {
    String base = baseUrl.toString();
    String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    return URI.create(trimmed + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery));
  }

  @Override
  public String toString() {
    // Header values carry tokens.
    return "Endpoint[" + backendName + " " + baseUrl + ", headers=" + headers.keySet() + "]";
  }
}
