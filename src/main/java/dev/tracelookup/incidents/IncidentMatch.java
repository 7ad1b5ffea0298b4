package dev.tracelookup.incidents;

import java.util.Objects;

/** An incident whose window contains a trace's failure, and how strongly it is tied to it. */
public record IncidentMatch(Incident incident, Confidence confidence) {
  public IncidentMatch {
    Objects.requireNonNull(incident, "incident");
    Objects.requireNonNull(confidence, "confidence");
  }
}
