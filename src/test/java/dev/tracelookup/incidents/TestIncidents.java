package dev.tracelookup.incidents;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceAnalyzer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Incidents and failures for tests, on the write-up's day: times are written {@code "14:12"} or
 * {@code "14:12:30"} and mean 2026-02-06 UTC.
 */
public final class TestIncidents {
  /** When the write-up's order failed: the culprit's start, 14:17:23.130 UTC. */
  public static final Instant FAILED_AT = TestSpans.T0.plusMillis(130);

  private TestIncidents() {}

  public static Instant at(String time) {
    return Instant.parse("2026-02-06T" + (time.length() == 5 ? time + ":00" : time) + "Z");
  }

  public static Incident resolved(String id, String start, String end, String... services) {
    return new Incident(
        id,
        id + " title",
        IncidentStatus.RESOLVED,
        at(start),
        Optional.of(at(end)),
        Set.of(services),
        Optional.empty(),
        Optional.of("https://status.example.com/incidents/" + id),
        Optional.empty(),
        "file");
  }

  public static Incident ongoing(String id, String start, String... services) {
    return new Incident(
        id,
        id + " title",
        IncidentStatus.INVESTIGATING,
        at(start),
        Optional.empty(),
        Set.of(services),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "file");
  }

  public static Incident withSignature(Incident incident, IncidentSignature signature) {
    return new Incident(
        incident.id(),
        incident.title(),
        incident.status(),
        incident.started(),
        incident.resolved(),
        incident.services(),
        Optional.of(signature),
        incident.url(),
        incident.customerSummary(),
        incident.source());
  }

  public static IncidentSignature gatewaySignature() {
    return new IncidentSignature(
        Optional.empty(), Set.of(502), Optional.of("ConnectionRefusedError"));
  }

  /**
   * The write-up's failing order ({@link TestSpans#orderPaymentFailure()}) with the payment call
   * naming its peer, so the error path touches order-svc and payment-svc.
   */
  public static TraceAnalysis orderFailure() {
    Trace order = TestSpans.orderPaymentFailure();
    Trace withPeer = TestSpans.trace(order.spans().stream().map(TestIncidents::namePeer).toList());
    return TraceAnalyzer.analyze(withPeer);
  }

  public static TraceFailure failure(String at, String... services) {
    return new TraceFailure(
        at(at),
        Set.of(services),
        "POST /api/v1/orders",
        "POST payment-svc/charge",
        502,
        Optional.of("ConnectionRefusedError"));
  }

  private static Attributes peer(Attributes attributes) {
    Map<String, String> values = new HashMap<>(attributes.values());
    values.put("server.address", "payment-svc");
    return new Attributes(values);
  }

  private static Span namePeer(Span span) {
    if (!span.spanId().equals(TestSpans.id(TestSpans.CHARGE_CALL))) {
      return span;
    }
    return new Span(
        span.traceId(),
        span.spanId(),
        span.parentSpanId(),
        span.service(),
        span.name(),
        span.kind(),
        span.startEpochNanos(),
        span.durationNanos(),
        span.status(),
        peer(span.attributes()),
        span.events());
  }
}
