package dev.tracelookup.incidents;

import java.util.Locale;

/**
 * Where an incident stands, in Statuspage's vocabulary, which the other sources map onto. Only
 * {@link #RESOLVED} is over; the others are ongoing.
 */
public enum IncidentStatus {
  INVESTIGATING,
  IDENTIFIED,
  MONITORING,
  RESOLVED;

  /** Returns the status as a card shows it: {@code resolved}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
