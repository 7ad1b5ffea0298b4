package dev.tracelookup.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ReadinessTest {
  private static final Duration TTL = Duration.ofSeconds(5);
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-07T10:00:00Z"));
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    pool.shutdownNow();
  }

  private Readiness readiness(Duration timeout, Readiness.Check... checks) {
    return new Readiness(List.of(checks), pool, clock, TTL, timeout);
  }

  private static Readiness.Check backend(Supplier<DependencyStatus> probe) {
    return new Readiness.Check("backend", "Tempo", true, probe);
  }

  private static Readiness.Check source(DependencyStatus status) {
    return new Readiness.Check("incident_source", "statuspage", false, () -> status);
  }

  @Test
  void report_everythingUp_isReady() {
    Readiness readiness =
        readiness(
            TTL,
            backend(() -> DependencyStatus.up("answered")),
            source(DependencyStatus.up("refreshed")));

    ReadinessReport report = readiness.report();

    assertThat(report.ready()).isTrue();
    assertThat(report.status()).isEqualTo("ready");
  }

  @Test
  void report_requiredDependencyDown_isNotReady() {
    Readiness readiness =
        readiness(
            TTL,
            backend(() -> DependencyStatus.down("check failed: unreachable")),
            source(DependencyStatus.up("refreshed")));

    ReadinessReport report = readiness.report();

    assertThat(report.ready()).isFalse();
    assertThat(report.status()).isEqualTo("not_ready");
  }

  @Test
  void report_optionalDependencyDown_isDegradedButReady() {
    Readiness readiness =
        readiness(
            TTL,
            backend(() -> DependencyStatus.up("answered")),
            source(DependencyStatus.down("refreshes fail; no list to use")));

    ReadinessReport report = readiness.report();

    assertThat(report.ready()).isTrue();
    assertThat(report.status()).isEqualTo("degraded");
  }

  @Test
  void report_withinTtl_reusesTheLastChecksAndAfterItChecksAgain() {
    AtomicInteger calls = new AtomicInteger();
    Readiness readiness =
        readiness(TTL, backend(() -> DependencyStatus.up("call " + calls.incrementAndGet())));

    readiness.report();
    clock.advance(TTL.minusMillis(1));
    ReadinessReport cached = readiness.report();
    clock.advance(Duration.ofMillis(1));
    ReadinessReport fresh = readiness.report();

    assertThat(cached.entries().get(0).status().detail()).isEqualTo("call 1");
    assertThat(fresh.entries().get(0).status().detail()).isEqualTo("call 2");
    assertThat(fresh.checkedAt()).isEqualTo(clock.instant());
  }

  @Test
  void report_checkSlowerThanTimeout_isDownAndNotStartedAgainWhileItRuns() {
    AtomicInteger calls = new AtomicInteger();
    Readiness readiness =
        readiness(
            Duration.ofMillis(100),
            backend(
                () -> {
                  calls.incrementAndGet();
                  try {
                    release.await();
                  } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                  }
                  return DependencyStatus.up("answered");
                }));

    ReadinessReport first = readiness.report();
    clock.advance(TTL);
    ReadinessReport second = readiness.report();

    assertThat(List.of(first, second))
        .allSatisfy(
            report -> {
              assertThat(report.status()).isEqualTo("not_ready");
              assertThat(report.entries().get(0).status())
                  .isEqualTo(DependencyStatus.down("no answer within 100 ms"));
            });
    assertThat(calls).hasValue(1);
  }

  @Test
  void report_checkThrows_isDownWithoutTheExceptionsText() {
    Readiness readiness =
        readiness(
            TTL,
            backend(
                () -> {
                  throw new IllegalStateException("token=xoxb-secret");
                }));

    ReadinessReport report = readiness.report();

    assertThat(report.entries().get(0).status())
        .isEqualTo(DependencyStatus.down("the check failed"));
  }

  @Test
  void json_listsEveryDependencyWithKindNameRequiredStatusAndDetail() {
    Readiness readiness =
        readiness(
            TTL,
            backend(() -> DependencyStatus.up("answered")),
            source(DependencyStatus.degraded("refreshes fail; serving the list from 120 s ago")));

    Map<String, Object> json = readiness.report().json();

    assertThat(json)
        .containsEntry("status", "degraded")
        .containsEntry("checked_at", "2026-02-07T10:00:00Z");
    assertThat(json.get("dependencies"))
        .isEqualTo(
            List.of(
                Map.of(
                    "kind",
                    "backend",
                    "name",
                    "Tempo",
                    "required",
                    true,
                    "status",
                    "up",
                    "detail",
                    "answered"),
                Map.of(
                    "kind",
                    "incident_source",
                    "name",
                    "statuspage",
                    "required",
                    false,
                    "status",
                    "degraded",
                    "detail",
                    "refreshes fail; serving the list from 120 s ago")));
  }
}
