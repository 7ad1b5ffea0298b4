package dev.tracelookup.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Decides whether an incident's window contains a failure, and how strongly the two are tied. */
final class IncidentMatcher {
  /**
   * Strongest first; then failures inside the declared window before those only in a margin; then
   * nearest start.
   */
  private static final Comparator<Candidate> RANKING =
      Comparator.comparing((Candidate candidate) -> candidate.match().confidence())
          .thenComparing(candidate -> !candidate.insideWindow())
          .thenComparing(Candidate::distance);

  private final Duration declaredLate;
  private final Duration resolvedEarly;

  IncidentMatcher(Duration declaredLate, Duration resolvedEarly) {
    this.declaredLate = declaredLate;
    this.resolvedEarly = resolvedEarly;
  }

  /** A match with what ranks it among others. */
  record Candidate(IncidentMatch match, boolean insideWindow, Duration distance) {}

  /** Returns the match, or empty when the incident's window (with margins) misses the failure. */
  Optional<Candidate> judge(Incident incident, ServiceMapping mapping, TraceFailure failure) {
    Instant start = incident.started();
    Instant at = failure.at();
    // An ongoing incident has no end yet: every failure since its start counts.
    boolean beforeEnd = incident.resolved().map(end -> !at.isAfter(end)).orElse(true);
    boolean beforeMarginEnd =
        incident.resolved().map(end -> !at.isAfter(end.plus(resolvedEarly))).orElse(true);
    if (at.isBefore(start.minus(declaredLate)) || !beforeMarginEnd) {
      return Optional.empty();
    }
    boolean inside = !at.isBefore(start) && beforeEnd;
    IncidentMatch match = new IncidentMatch(incident, confidence(incident, mapping, failure));
    return Optional.of(new Candidate(match, inside, Duration.between(start, at).abs()));
  }

  /** Returns the strongest matches, at most {@code limit}. */
  static List<IncidentMatch> best(List<Candidate> candidates, int limit) {
    return candidates.stream().sorted(RANKING).limit(limit).map(Candidate::match).toList();
  }

  private static Confidence confidence(
      Incident incident, ServiceMapping mapping, TraceFailure failure) {
    if (!mapping.affects(incident.services(), failure.services())) {
      return Confidence.TIME_ONLY;
    }
    return incident.signature().filter(signature -> signature.matches(failure)).isPresent()
        ? Confidence.SIGNATURE
        : Confidence.SERVICE;
  }
}
