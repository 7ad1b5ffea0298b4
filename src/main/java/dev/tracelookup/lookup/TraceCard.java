package dev.tracelookup.lookup;

import dev.tracelookup.render.ShownTrace;
import dev.tracelookup.trace.TraceAnalysis;
import java.util.Objects;
import java.util.Optional;

/**
 * One trace of a lookup's result: its analysis and the link to open it in the backend's UI, if any.
 * The result is the lookup's own; {@link #shown()} is what a renderer is handed of it.
 */
public record TraceCard(TraceAnalysis analysis, Optional<String> uiUrl) {
  public TraceCard {
    Objects.requireNonNull(analysis, "analysis");
    uiUrl = uiUrl == null ? Optional.empty() : uiUrl;
  }

  /** Returns the trace as the renderers draw it. */
  public ShownTrace shown() {
    return new ShownTrace(analysis, uiUrl);
  }
}
