package dev.tracelookup.trace;

import java.util.Objects;

/**
 * A span link: a pointer from one span to another span, often in another trace.
 *
 * <p>Messaging is the common case. A consumer that starts its own trace links back to the producer
 * span that sent the message, so the customer's request and the work it queued can be read together
 * even though they are two traces.
 *
 * @param traceId the linked span's trace, normalised (see {@link TraceIds})
 * @param spanId the linked span, normalised
 */
public record SpanLink(String traceId, String spanId, Attributes attributes) {
  public SpanLink {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    attributes = attributes == null ? Attributes.empty() : attributes;
  }
}
