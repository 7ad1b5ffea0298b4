package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.BlastTraces.CUSTOMER;
import static dev.tracelookup.backend.BlastTraces.query;
import static dev.tracelookup.backend.zipkin.ZipkinSpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BlastTraces;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ZipkinBlastRadiusTest {
  private static final Instant T0 = Instant.parse("2026-02-06T14:17:23Z");

  private final List<Duration> pauses = new ArrayList<>();
  private final FakeZipkin zipkin;
  private final ZipkinBackend backend;

  ZipkinBlastRadiusTest() throws Exception {
    zipkin = new FakeZipkin();
    backend = TestZipkinBackends.against(zipkin.uri(), pauses);
  }

  @AfterEach
  void stop() throws Exception {
    zipkin.close();
  }

  /** The failed order as Brave reports it: the user on the entry, the 502 on the client call. */
  private void failedOrder(int n, String customer, long secondsAfterT0) {
    String traceId = BlastTraces.traceId(n).substring(16);
    Instant at = T0.plusSeconds(secondsAfterT0);
    zipkin.add(
        List.of(
            span(traceId, "0000000000000001")
                .kind("SERVER")
                .name("POST /api/v1/orders")
                .service("order-svc")
                .at(at)
                .duration(Duration.ofMillis(1900))
                .tag("http.status_code", "500")
                .tag("error", "")
                .tag("user.id", customer)
                .build(),
            span(traceId, "0000000000000005")
                .parent("0000000000000001")
                .kind("CLIENT")
                .name("POST payment-svc/charge")
                .service("order-svc")
                .at(at.plusMillis(130))
                .duration(Duration.ofMillis(1750))
                .tag("http.status_code", "502")
                .tag("error", "payment gateway timeout")
                .build()));
  }

  private void burst() {
    failedOrder(1, CUSTOMER, 0);
    failedOrder(2, "usr_other1", 60);
    failedOrder(3, "usr_other1", 120);
    failedOrder(4, "usr_other2", -180);
    failedOrder(5, "usr_other3", 240);
    failedOrder(6, "usr_other3", 300);
  }

  @Test
  void countSameFailure_sendsServiceSpanNameAndErrorWithTheLimitAndNoCustomer() throws Exception {
    burst();

    SameFailureCount count = backend.countSameFailure(query(50));

    String sent = zipkin.takeRequest().query();
    assertThat(sent)
        .isEqualTo(
            "serviceName=order-svc&spanName=post%20payment-svc%2Fcharge&annotationQuery=error"
                + "&endTs=1770390000000&lookback=5700000&limit=50");
    assertThat(sent).doesNotContain("usr_").doesNotContain("user.id");
    assertThat(zipkin.pendingRequests()).isZero();
    FailureTally.Counts counts = counted(count).excluding(CUSTOMER);
    assertThat(counts.requests()).isEqualTo(5);
    assertThat(counts.customers()).isEqualTo(3);
    assertThat(counts.atLeast()).isFalse();
    assertThat(counts.firstSeen()).contains(Instant.parse("2026-02-06T14:14:23.130Z"));
    assertThat(counts.lastSeen()).contains(Instant.parse("2026-02-06T14:22:23.130Z"));
  }

  @Test
  void countSameFailure_limitReached_saysAtLeast() throws Exception {
    burst();

    FailureTally.Counts counts = counted(backend.countSameFailure(query(3))).excluding(CUSTOMER);

    assertThat(zipkin.takeRequest().query()).endsWith("&limit=3");
    assertThat(counts.atLeast()).isTrue();
    assertThat(counts.requests()).isLessThanOrEqualTo(3);
  }

  @Test
  void countSameFailure_otherFailuresOfTheSpan_areNotCounted() throws Exception {
    failedOrder(2, "usr_other1", 60);
    // The same call answering 404 is another failure than the culprit's 502.
    zipkin.add(
        List.of(
            span("00000000000000aa", "0000000000000001")
                .kind("CLIENT")
                .name("POST payment-svc/charge")
                .service("order-svc")
                .at(T0)
                .duration(Duration.ofMillis(20))
                .tag("http.status_code", "404")
                .tag("error", "")
                .tag("user.id", "usr_other9")
                .build()));

    FailureTally.Counts counts = counted(backend.countSameFailure(query(50))).excluding(CUSTOMER);

    assertThat(counts.requests()).isEqualTo(1);
    assertThat(counts.customers()).isEqualTo(1);
  }

  private static FailureTally counted(SameFailureCount count) {
    assertThat(count).isInstanceOf(SameFailureCount.Counted.class);
    return ((SameFailureCount.Counted) count).tally();
  }
}
