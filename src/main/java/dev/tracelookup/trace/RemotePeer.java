package dev.tracelookup.trace;

import java.util.Optional;

/**
 * Who a calling span was talking to. When the culprit is a client call, the service that failed is
 * the one called, not the caller: "order-svc → payment-svc" is what an escalation needs.
 */
public final class RemotePeer {
  // Newest convention first: service.peer.name replaced peer.service (semconv 1.39); older
  // instrumentation writes net.peer.name; databases name their system.
  static final String[] PEER_KEYS = {
    "service.peer.name",
    "peer.service",
    "server.address",
    "net.peer.name",
    "db.system.name",
    "db.system"
  };

  private RemotePeer() {}

  /** Returns the called service of a CLIENT or PRODUCER span, when its attributes name one. */
  public static Optional<String> of(Span span) {
    if (span.kind() != SpanKind.CLIENT && span.kind() != SpanKind.PRODUCER) {
      return Optional.empty();
    }
    return span.attributes().first(PEER_KEYS).map(String::trim).filter(peer -> !peer.isEmpty());
  }
}
