package dev.tracelookup.incidents;

import java.time.Duration;
import java.util.Objects;

/**
 * One source in a catalog, with how often it is refreshed and how trace services map to its names.
 *
 * @param ttl how long a fetched list is fresh; the source is fetched again after it
 */
public record CatalogSource(IncidentSource source, Duration ttl, ServiceMapping mapping) {
  public CatalogSource {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(mapping, "mapping");
    if (ttl.isZero() || ttl.isNegative()) {
      throw new IllegalArgumentException("ttl of " + source.name() + " must be positive");
    }
  }

  String name() {
    return source.name();
  }
}
