package dev.tracelookup.backend.jaeger;

import java.util.List;
import java.util.Optional;

/** A span reference as Jaeger writes it, IDs normalised (empty when unreadable). */
record V1Reference(String refType, String traceId, String spanId) {
  static final String CHILD_OF = "CHILD_OF";

  /**
   * Returns the parent among the references, as Jaeger's model picks it: the first {@code CHILD_OF}
   * within the same trace, else the first reference of another type within the same trace (Jaeger
   * reports span links as {@code FOLLOWS_FROM}, and some clients record parents that way).
   */
  static Optional<String> parent(List<V1Reference> references, String traceId) {
    Optional<String> other = Optional.empty();
    for (V1Reference reference : references) {
      if (!reference.traceId().equals(traceId) || reference.spanId().isEmpty()) {
        continue;
      }
      if (CHILD_OF.equals(reference.refType())) {
        return Optional.of(reference.spanId());
      }
      if (other.isEmpty()) {
        other = Optional.of(reference.spanId());
      }
    }
    return other;
  }
}
