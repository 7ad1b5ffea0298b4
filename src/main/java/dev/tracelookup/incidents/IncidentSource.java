package dev.tracelookup.incidents;

import java.time.Instant;

/**
 * Somewhere incidents are recorded. Implementations block while they fetch and must end within
 * their own time budget; {@link IncidentCatalog} calls them in the background, never on a lookup.
 */
public interface IncidentSource {

  /** Returns the name cards use for this source, e.g. {@code PagerDuty}; unique in a catalog. */
  String name();

  /**
   * Returns the incidents that may overlap {@code [from, to]}: ongoing ones, and resolved ones that
   * ended after {@code from}. The range is a hint to limit remote queries; a source whose whole
   * list is cheap (a local file) may return more.
   *
   * @return the incidents, or why they could not be read; expected failures are never thrown
   */
  SourceResult fetch(Instant from, Instant to);
}
