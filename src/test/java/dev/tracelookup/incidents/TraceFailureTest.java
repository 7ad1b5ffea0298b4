package dev.tracelookup.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.TraceAnalyzer;
import org.junit.jupiter.api.Test;

final class TraceFailureTest {
  @Test
  void of_failingOrder_takesCulpritTimeStatusExceptionAndErrorPathServicesWithPeer() {
    TraceFailure failure = TraceFailure.of(TestIncidents.orderFailure()).orElseThrow();

    assertThat(failure.at()).isEqualTo(TestIncidents.FAILED_AT);
    assertThat(failure.services()).containsExactlyInAnyOrder("order-svc", "payment-svc");
    assertThat(failure.entryName()).isEqualTo("POST /api/v1/orders");
    assertThat(failure.culpritName()).isEqualTo("POST payment-svc/charge");
    assertThat(failure.httpStatus()).isEqualTo(502);
    assertThat(failure.exceptionType()).contains("ConnectionRefusedError");
  }

  @Test
  void of_traceWithoutFailure_isEmpty() {
    var healthy = TraceAnalyzer.analyze(TestSpans.trace(TestSpans.span("1").server().ok().build()));

    assertThat(TraceFailure.of(healthy)).isEmpty();
  }
}
