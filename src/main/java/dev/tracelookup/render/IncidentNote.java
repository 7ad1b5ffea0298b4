package dev.tracelookup.render;

import java.util.Objects;
import java.util.Optional;

/**
 * A known incident as the card shows it: one line ("Matches known incident: INC-4521 … · resolved")
 * and the incident's page, when its source gives one; or, with its own icon, how many other
 * customers hit the same failure.
 */
public record IncidentNote(String icon, String text, Optional<String> url) {
  private static final String INCIDENT = "📣";
  private static final String BLAST = "👥";

  public IncidentNote {
    Objects.requireNonNull(icon, "icon");
    Objects.requireNonNull(text, "text");
    url =
        url == null
            ? Optional.empty()
            : url.filter(u -> u.startsWith("https://") || u.startsWith("http://"));
  }

  /** A known incident's line. */
  public IncidentNote(String text, Optional<String> url) {
    this(INCIDENT, text, url);
  }

  /** Returns whether this is a known incident's line, not the count of other customers. */
  public boolean incident() {
    return icon.equals(INCIDENT);
  }

  /**
   * The line saying how many other customers hit the same failure, which sits with the incidents
   * since it says whether this is one.
   */
  public static IncidentNote blast(String text) {
    return new IncidentNote(BLAST, text, Optional.empty());
  }
}
