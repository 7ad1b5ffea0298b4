package dev.tracelookup.backend.otlp;

import dev.tracelookup.trace.Span;
import java.util.Map;

/**
 * What the reader keeps of a resource: its service name and the attributes the caller asked to copy
 * onto its spans.
 */
record Resource(String service, Map<String, String> kept) {
  static final Resource NONE = new Resource(Span.UNKNOWN_SERVICE, Map.of());

  Resource {
    kept = Map.copyOf(kept);
  }
}
