package dev.tracelookup.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * The request that queued the work a trace shows, found in another trace through a span link: the
 * customer's consumer trace was started by a message some producer sent.
 *
 * @param traceId the producer's trace
 * @param service the producer trace's entry service
 * @param name the producer trace's entry span name, e.g. {@code POST /api/v1/orders}
 * @param response what that entry answered, when it says
 */
public record Trigger(
    String traceId, String service, String name, Optional<ResponseStatus> response) {
  public Trigger {
    Objects.requireNonNull(traceId, "traceId");
    service = service == null ? "" : service;
    name = name == null ? "" : name;
    response = response == null ? Optional.empty() : response;
  }
}
