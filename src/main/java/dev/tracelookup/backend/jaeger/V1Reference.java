package dev.tracelookup.backend.jaeger;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.SpanLink;
import java.util.ArrayList;
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

  /**
   * Returns the references other than the chosen parent, as span links. Jaeger's translator writes
   * an OTLP span link as a {@code FOLLOWS_FROM} reference, which may name another trace: a consumer
   * that runs in its own trace points back at its producer that way. References whose IDs could not
   * be read are left out. Most spans have only their parent and get the shared empty list.
   *
   * @param parentSpanId the parent chosen for the span (see {@link #parent}), or empty
   */
  static List<SpanLink> links(List<V1Reference> references, String traceId, String parentSpanId) {
    List<SpanLink> links = null;
    for (V1Reference reference : references) {
      boolean unreadable = reference.traceId().isEmpty() || reference.spanId().isEmpty();
      boolean isParent =
          reference.traceId().equals(traceId) && reference.spanId().equals(parentSpanId);
      if (unreadable || isParent) {
        continue;
      }
      if (links == null) {
        links = new ArrayList<>(2);
      }
      links.add(new SpanLink(reference.traceId(), reference.spanId(), Attributes.empty()));
    }
    return links == null ? List.of() : links;
  }
}
