package dev.tracelookup.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where a backend lives and how to call it.
 *
 * @param baseUrl the API root, which may carry a path prefix (Grafana Cloud serves Tempo under {@code /tempo})
 * @param headers sent with every request: auth and tenancy ({@code Authorization}, {@code X-Scope-OrgID})
 * @param timeout per HTTP attempt
 * @param budget for one logical call, retries and waits included
 * @param maxAttempts 1 means no retry
 * @param maxBodyBytes larger answers are refused as they stream in
 */
public record Endpoint(
    String backendName,
    URI baseUrl,
    Map<String, String> headers,
    Duration timeout,
    Duration budget,
    int maxAttempts,
    long maxBodyBytes) {

  public Endpoint {
    Objects.requireNonNull(backendName, "backendName");
    Objects.requireNonNull(baseUrl, "baseUrl");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(budget, "budget");
    if (maxAttempts < 1 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxAttempts and maxBodyBytes must be positive");
    }
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
