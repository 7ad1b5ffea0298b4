package dev.tracelookup.incidents;

import java.util.List;
import java.util.Optional;

/**
 * What the incident sources say about one failing trace.
 *
 * @param matches strongest first, at most {@link #MAX_MATCHES}
 * @param unavailableSources sources that could not be consulted: never fetched successfully, or
 *     failing for longer than the stale limit; the card names them so "no incident" is not mistaken
 *     for "all clear"
 * @param staleSources sources whose last refresh failed, so their previous list was used
 */
public record IncidentReport(
    List<IncidentMatch> matches, List<String> unavailableSources, List<String> staleSources) {
  public static final int MAX_MATCHES = 3;

  public IncidentReport {
    matches = List.copyOf(matches);
    unavailableSources = List.copyOf(unavailableSources);
    staleSources = List.copyOf(staleSources);
    if (matches.size() > MAX_MATCHES) {
      throw new IllegalArgumentException(
          "at most " + MAX_MATCHES + " matches, got " + matches.size());
    }
  }

  /**
   * Returns the incident to tell the customer about: the strongest match when it involves the
   * trace's services. An incident elsewhere at the same time explains nothing to a customer.
   */
  public Optional<Incident> likelyCause() {
    return matches.stream()
        .filter(match -> match.confidence() != Confidence.TIME_ONLY)
        .map(IncidentMatch::incident)
        .findFirst();
  }
}
