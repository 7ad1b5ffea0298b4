package dev.tracelookup.incidents;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** The outcome of fetching one source's incidents. */
public sealed interface SourceResult permits SourceResult.Fetched, SourceResult.Failed {

  record Fetched(List<Incident> incidents) implements SourceResult {
    public Fetched {
      incidents = List.copyOf(incidents);
    }
  }

  /**
   * @param detail for logs: the call and what came back, never secrets
   * @param status the HTTP status the source answered with, when the failure came with one
   */
  record Failed(String detail, OptionalInt status) implements SourceResult {
    public Failed {
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(status, "status");
    }

    /** Returns a failure that came without an HTTP status. */
    public Failed(String detail) {
      this(detail, OptionalInt.empty());
    }
  }
}
