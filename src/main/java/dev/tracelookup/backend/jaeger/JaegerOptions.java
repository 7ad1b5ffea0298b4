package dev.tracelookup.backend.jaeger;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to talk to one Jaeger deployment.
 *
 * @param api which of Jaeger's query APIs to use
 * @param entryServices the services whose spans carry the user ID (the API gateway, the front end):
 *     each search names one of them. Required for {@link Api#V1}, whose search needs a service; for
 *     {@link Api#V3}, needed when the storage cannot search without one (Cassandra, Badger;
 *     Cassandra then answers with nothing rather than an error), optional otherwise
 * @param uiUrl the Jaeger UI's base URL, with its base path if it has one, for "Open in Jaeger"
 *     links; empty when people cannot reach the UI
 */
public record JaegerOptions(Api api, List<String> entryServices, Optional<URI> uiUrl) {

  /** Jaeger's query APIs. */
  public enum Api {
    /** {@code /api/v3/*}: OTLP JSON, the stable API. */
    V3,
    /**
     * {@code /api/traces}: Jaeger's UI JSON, for Jaeger 1.x and 2.x up to v2.20, whose api/v3
     * cannot yet filter by attributes. Newer versions removed its search.
     */
    V1
  }

  public JaegerOptions {
    Objects.requireNonNull(api, "api");
    entryServices = List.copyOf(entryServices);
    Objects.requireNonNull(uiUrl, "uiUrl");
    if (entryServices.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("an entry service name is blank: " + entryServices);
    }
  }

  /** Returns api/v3, no entry services, no UI link. */
  public static JaegerOptions defaults() {
    return new JaegerOptions(Api.V3, List.of(), Optional.empty());
  }
}
