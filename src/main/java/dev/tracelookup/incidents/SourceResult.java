package dev.tracelookup.incidents;

import java.util.List;
import java.util.Objects;

/** The outcome of fetching one source's incidents. */
public sealed interface SourceResult permits SourceResult.Fetched, SourceResult.Failed {

  record Fetched(List<Incident> incidents) implements SourceResult {
    public Fetched {
      incidents = List.copyOf(incidents);
    }
  }

  /** @param detail for logs: the call and what came back, never secrets */
  record Failed(String detail) implements SourceResult {
    public Failed {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
