package dev.tracelookup.render;

import dev.tracelookup.trace.TraceAnalysis;
import java.util.Objects;
import java.util.Optional;

/** One trace on a card: its analysis and the link to open it in the backend's UI, if any. */
public record TraceCard(TraceAnalysis analysis, Optional<String> uiUrl) {
  public TraceCard {
    Objects.requireNonNull(analysis, "analysis");
    uiUrl = uiUrl == null ? Optional.empty() : uiUrl;
  }
}
