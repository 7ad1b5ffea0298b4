package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.BlastTraces.CUSTOMER;
import static dev.tracelookup.backend.BlastTraces.failedOrder;
import static dev.tracelookup.backend.BlastTraces.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class JaegerBlastRadiusTest {
  private final List<Duration> pauses = new ArrayList<>();

  /** Five orders of three other customers, and the looked-up customer's own. */
  private static void burst(FakeTraceStoreHolder fake) {
    fake.add(
        failedOrder(1, CUSTOMER, 0),
        failedOrder(2, "usr_other1", 60_000),
        failedOrder(3, "usr_other1", 120_000),
        failedOrder(4, "usr_other2", -180_000),
        failedOrder(5, "usr_other3", 240_000),
        failedOrder(6, "usr_other3", 300_000));
  }

  /** Adds traces to whichever fake. */
  private interface FakeTraceStoreHolder {
    void add(dev.tracelookup.trace.Trace... traces);
  }

  @Test
  void countSameFailure_v1_sendsServiceOperationAndErrorTagWithTheLimitAndNoCustomer()
      throws Exception {
    try (FakeJaegerV1 jaeger = new FakeJaegerV1()) {
      burst(jaeger::add);
      JaegerBackend backend =
          JaegerTesting.backend(jaeger.uri(), JaegerTesting.v1("order-svc"), pauses);

      SameFailureCount count = backend.countSameFailure(query(50));

      RecordedRequest sent = jaeger.takeRequest();
      assertThat(sent.path()).isEqualTo("/api/traces");
      Map<String, List<String>> params = QueryParams.parse(sent.query()).asMap();
      assertThat(params)
          .containsEntry("service", List.of("order-svc"))
          .containsEntry("operation", List.of("POST payment-svc/charge"))
          .containsEntry("tags", List.of("{\"error\":\"true\"}"))
          .containsEntry("start", List.of("1770384600000000"))
          .containsEntry("end", List.of("1770390000000000"))
          .containsEntry("limit", List.of("50"));
      assertThat(sent.query()).doesNotContain("usr_");
      assertThat(jaeger.pending()).isZero();
      FailureTally.Counts counts = counted(count).excluding(CUSTOMER);
      assertThat(counts.requests()).isEqualTo(5);
      assertThat(counts.customers()).isEqualTo(3);
      assertThat(counts.atLeast()).isFalse();
    }
  }

  @Test
  void countSameFailure_v3_sendsServiceOperationAndErrorAttributeWithTheLimitAndNoCustomer()
      throws Exception {
    try (FakeJaegerV3 jaeger = new FakeJaegerV3()) {
      burst(jaeger::add);
      JaegerBackend backend = JaegerTesting.backend(jaeger.uri(), JaegerTesting.v3(), pauses);

      SameFailureCount count = backend.countSameFailure(query(50));

      RecordedRequest sent = jaeger.takeRequest();
      assertThat(sent.path()).isEqualTo("/api/v3/traces");
      QueryParams params = QueryParams.parse(sent.query());
      assertThat(params.first("query.serviceName")).contains("order-svc");
      assertThat(params.first("query.service_name")).contains("order-svc");
      assertThat(params.first("query.operationName")).contains("POST payment-svc/charge");
      assertThat(params.first("query.operation_name")).contains("POST payment-svc/charge");
      assertThat(params.first("query.attributes")).contains("{\"error\":\"true\"}");
      assertThat(params.first("query.searchDepth")).contains("50");
      assertThat(params.first("query.num_traces")).contains("50");
      assertThat(sent.query()).doesNotContain("usr_");
      FailureTally.Counts counts = counted(count).excluding(CUSTOMER);
      assertThat(counts.requests()).isEqualTo(5);
      assertThat(counts.customers()).isEqualTo(3);
      assertThat(counts.firstSeen()).contains(Instant.parse("2026-02-06T14:14:23.130Z"));
    }
  }

  @Test
  void countSameFailure_limitReached_saysAtLeast() throws Exception {
    try (FakeJaegerV3 jaeger = new FakeJaegerV3()) {
      burst(jaeger::add);
      JaegerBackend backend = JaegerTesting.backend(jaeger.uri(), JaegerTesting.v3(), pauses);

      FailureTally.Counts counts = counted(backend.countSameFailure(query(3))).excluding(CUSTOMER);

      assertThat(QueryParams.parse(jaeger.takeRequest().query()).first("query.searchDepth"))
          .contains("3");
      assertThat(counts.atLeast()).isTrue();
      assertThat(counts.requests()).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void countSameFailure_backendDown_isAFailureNotACount() throws Exception {
    try (FakeJaegerV3 jaeger = new FakeJaegerV3()) {
      jaeger.answerWith(request -> FakeJaegerV3.error(400, "bad request"));
      JaegerBackend backend = JaegerTesting.backend(jaeger.uri(), JaegerTesting.v3(), pauses);

      assertThat(backend.countSameFailure(query(50))).isInstanceOf(SameFailureCount.Failed.class);
    }
  }

  private static FailureTally counted(SameFailureCount count) {
    assertThat(count).isInstanceOf(SameFailureCount.Counted.class);
    return ((SameFailureCount.Counted) count).tally();
  }
}
