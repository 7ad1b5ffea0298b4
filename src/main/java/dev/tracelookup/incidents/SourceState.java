package dev.tracelookup.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the catalog holds for one source: its last good list, when it was fetched, and the latest
 * refresh's failure if that refresh failed.
 */
record SourceState(
    Optional<List<Incident>> incidents, Instant fetchedAt, Optional<String> failure) {
  SourceState {
    incidents = incidents.map(List::copyOf);
  }

  static SourceState fetched(List<Incident> incidents, Instant at) {
    return new SourceState(Optional.of(incidents), at, Optional.empty());
  }

  /** Returns this state after a failed refresh: the last good list is kept, marked as failing. */
  static SourceState failed(Optional<SourceState> previous, String detail, Instant at) {
    return previous
        .map(state -> new SourceState(state.incidents(), state.fetchedAt(), Optional.of(detail)))
        .orElseGet(() -> new SourceState(Optional.empty(), at, Optional.of(detail)));
  }

  boolean failing() {
    return failure.isPresent();
  }
}
