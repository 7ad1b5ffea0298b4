package dev.tracelookup.render;

import dev.tracelookup.trace.TraceAnalysis;
import java.util.Objects;
import java.util.Optional;

/**
 * One trace as a card or a "Show trace" answer draws it: its analysis and the link to open it in
 * the backend's UI, if any. The lookup's result ({@code lookup.TraceCard}) hands its traces over as
 * these: {@code lookup/} depends on {@code render/}, so render reads nothing of lookup's types.
 */
public record ShownTrace(TraceAnalysis analysis, Optional<String> uiUrl) {
  public ShownTrace {
    Objects.requireNonNull(analysis, "analysis");
    uiUrl = uiUrl == null ? Optional.empty() : uiUrl;
  }
}
