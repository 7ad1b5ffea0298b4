package dev.tracelookup.incidents;

/** How strongly an incident is tied to a failing trace, strongest first. */
public enum Confidence {
  /** Time, service and the incident's failure signature all match. */
  SIGNATURE("matches known incident"),
  /** Time and service match. */
  SERVICE("likely related"),
  /** Only the time matches: the incident was elsewhere. */
  TIME_ONLY("incident elsewhere at the same time");

  private final String label;

  Confidence(String label) {
    this.label = label;
  }

  /** Returns the phrase a card shows, e.g. {@code likely related}. */
  public String label() {
    return label;
  }
}
