package dev.tracelookup.render;

import java.util.Objects;
import java.util.Optional;

/**
 * A known incident as the card shows it: one line ("Matches known incident: INC-4521 … · resolved")
 * and the incident's page, when its source gives one.
 */
public record IncidentNote(String text, Optional<String> url) {
  public IncidentNote {
    Objects.requireNonNull(text, "text");
    url =
        url == null
            ? Optional.empty()
            : url.filter(u -> u.startsWith("https://") || u.startsWith("http://"));
  }
}
