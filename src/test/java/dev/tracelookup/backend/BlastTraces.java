package dev.tracelookup.backend;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The write-up's failed order as many customers met it, for blast-radius tests: the same culprit
 * ({@code order-svc}, {@code POST payment-svc/charge}, 502, {@code ConnectionRefusedError}), in
 * other traces, with other customers on the entry span.
 */
public final class BlastTraces {
  /** The customer looked up. */
  public static final String CUSTOMER = "usr_k8x9m2";

  public static final FailureSignature SIGNATURE =
      new FailureSignature(
          "order-svc",
          "POST payment-svc/charge",
          OptionalInt.of(502),
          Optional.of("ConnectionRefusedError"));

  public static final Instant FROM = Instant.parse("2026-02-06T13:30:00Z");
  public static final Instant TO = Instant.parse("2026-02-06T15:00:00Z");

  private BlastTraces() {}

  /** Returns a count of the signature over 13:30–15:00 UTC, reading at most {@code limit}. */
  public static SameFailureQuery query(int limit) {
    return new SameFailureQuery(SIGNATURE, FROM, TO, limit);
  }

  /**
   * Returns the failed order as trace {@code n} (its ID derived from n), by the customer, {@code
   * millisAfterT0} after 14:17:23 UTC; the culprit carries {@code error=true} as Jaeger tags it.
   */
  public static Trace failedOrder(int n, String customer, long millisAfterT0) {
    String traceId = traceId(n);
    long shift = millisAfterT0 * 1_000_000L;
    List<Span> spans =
        TestSpans.orderPaymentFailure().spans().stream()
            .map(
                span -> {
                  Map<String, String> attributes = new LinkedHashMap<>(span.attributes().values());
                  if (span.spanId().equals(TestSpans.id(TestSpans.ORDER))) {
                    attributes.put("user.id", customer);
                  }
                  if (span.spanId().equals(TestSpans.id(TestSpans.CHARGE_CALL))) {
                    attributes.put("error", "true");
                  }
                  return new Span(
                      traceId,
                      span.spanId(),
                      span.parentSpanId(),
                      span.service(),
                      span.name(),
                      span.kind(),
                      span.startEpochNanos() + shift,
                      span.durationNanos(),
                      span.status(),
                      new Attributes(attributes),
                      span.events());
                })
            .toList();
    return new Trace(traceId, spans);
  }

  /** Returns the trace ID of trace {@code n}. */
  public static String traceId(int n) {
    return String.format("b1a5%028x", n);
  }
}
