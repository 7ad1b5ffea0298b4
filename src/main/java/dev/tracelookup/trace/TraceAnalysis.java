package dev.tracelookup.trace;

import java.util.Objects;
import java.util.Optional;

/** A trace's summary and, when any span failed, its error path. */
public record TraceAnalysis(TraceSummary summary, Optional<ErrorPath> errorPath) {
  public TraceAnalysis {
    Objects.requireNonNull(summary, "summary");
    errorPath = errorPath == null ? Optional.empty() : errorPath;
  }
}
