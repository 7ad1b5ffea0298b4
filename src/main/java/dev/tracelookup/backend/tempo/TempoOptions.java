package dev.tracelookup.backend.tempo;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to talk to one Tempo deployment, beyond its {@link dev.tracelookup.http.Endpoint}.
 *
 * @param grafanaUrl Grafana's base URL for "Open in Grafana" links, or empty for no links
 * @param datasourceUid the uid of Grafana's Tempo data source; required with {@code grafanaUrl}
 * @param orgId the Grafana organisation that owns the data source
 * @param maxWindow the longest search window Tempo accepts ({@code
 *     query_frontend.search.max_duration})
 * @param endCutoff how much of the recent past Tempo leaves out of searches ({@code
 *     query_frontend.query_end_cutoff}); zero when it searches up to now
 * @param spss spans per span set in search answers (1 to 100); the bot reads only trace IDs there
 * @param apiVersion which trace-by-ID endpoint to read
 */
public record TempoOptions(
    Optional<URI> grafanaUrl,
    String datasourceUid,
    long orgId,
    Duration maxWindow,
    Duration endCutoff,
    int spss,
    ApiVersion apiVersion) {

  /** Tempo refuses {@code spss} above this. */
  public static final int MAX_SPSS = 100;

  /** The trace-by-ID endpoint and its JSON shape. */
  public enum ApiVersion {
    /** {@code /api/traces/<id>} answering {@code {"batches":[..]}}, for Tempo before 2.6. */
    V1("/api/traces/"),
    /**
     * {@code /api/v2/traces/<id>} answering {@code {"trace":{..},"status":..}}, Tempo 2.6 and
     * later.
     */
    V2("/api/v2/traces/");

    private final String pathPrefix;

    ApiVersion(String pathPrefix) {
      this.pathPrefix = pathPrefix;
    }

    /**
     * Returns the version for its configuration name, {@code v1} or {@code v2} in any case.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ApiVersion fromName(String name) {
      String upper = Objects.requireNonNull(name, "name").trim().toUpperCase(Locale.ROOT);
      for (ApiVersion version : values()) {
        if (version.name().equals(upper)) {
          return version;
        }
      }
      throw new IllegalArgumentException(
          "unknown Tempo API version \"" + name + "\"; use v1 or v2");
    }

    String tracePath(String hexTraceId) {
      return pathPrefix + hexTraceId;
    }
  }

  public TempoOptions {
    Objects.requireNonNull(grafanaUrl, "grafanaUrl");
    datasourceUid = datasourceUid == null ? "" : datasourceUid.trim();
    Objects.requireNonNull(maxWindow, "maxWindow");
    Objects.requireNonNull(endCutoff, "endCutoff");
    Objects.requireNonNull(apiVersion, "apiVersion");
    grafanaUrl.ifPresent(TempoOptions::requireHttpUrl);
    if (grafanaUrl.isPresent() && datasourceUid.isEmpty()) {
      throw new IllegalArgumentException("a Grafana URL needs the uid of its Tempo data source");
    }
    if (orgId < 1 || maxWindow.isNegative() || maxWindow.isZero() || endCutoff.isNegative()) {
      throw new IllegalArgumentException(
          "orgId and maxWindow must be positive and endCutoff not negative");
    }
    if (spss < 1 || spss > MAX_SPSS) {
      throw new IllegalArgumentException("spss must be 1 to " + MAX_SPSS + ": " + spss);
    }
  }

  /** Returns Tempo's own defaults (168 h windows, a 30 s end cut-off), v2 traces and no links. */
  public static TempoOptions defaults() {
    return new TempoOptions(
        Optional.empty(), "", 1, Duration.ofHours(168), Duration.ofSeconds(30), 1, ApiVersion.V2);
  }

  /** Returns these options with "Open in Grafana" links to the given data source. */
  public TempoOptions withGrafana(URI url, String uid, long org) {
    return new TempoOptions(Optional.of(url), uid, org, maxWindow, endCutoff, spss, apiVersion);
  }

  private static void requireHttpUrl(URI url) {
    String scheme = url.getScheme();
    if (!url.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException("the Grafana URL must be an http(s) URL: " + url);
    }
  }
}
