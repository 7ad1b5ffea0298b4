package dev.tracelookup.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /readyz}: checks every dependency at most once per {@code ttl}, each within {@code
 * timeout}, and keeps the report in between; a check still running from an earlier round is waited
 * for, not started again. So the endpoint answers within the timeout however slow a dependency is,
 * and polling it, however often, cannot hammer the backend.
 *
 * <p>The bot is unready only when a required dependency (the trace backend) is down; any other
 * dependency down or degraded makes it {@code degraded}, still ready to take lookups.
 */
public final class Readiness {
  /** How long a report is reused. */
  public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

  /** How long one check may take before it counts as down. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger log = LoggerFactory.getLogger(Readiness.class);

  private final List<Check> checks;
  private final Executor executor;
  private final Clock clock;
  private final Duration ttl;
  private final Duration timeout;
  private final Map<Check, CompletableFuture<DependencyStatus>> running = new ConcurrentHashMap<>();
  private ReadinessReport last;

  /**
   * One dependency to report.
   *
   * @param kind what sort of dependency: {@code backend}, {@code ticket_system}, {@code
   *     incident_source}
   * @param required whether the bot is unready while it is down
   * @param probe asks the dependency, or reads what is known of it; runs on the readiness executor
   */
  public record Check(
      String kind, String name, boolean required, Supplier<DependencyStatus> probe) {
    public Check {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(probe, "probe");
    }
  }

  /**
   * @param executor runs the checks; a check that overruns the timeout keeps its thread until it
   *     ends
   */
  public Readiness(
      List<Check> checks, Executor executor, Clock clock, Duration ttl, Duration timeout) {
    this.checks = List.copyOf(checks);
    this.executor = executor;
    this.clock = clock;
    this.ttl = ttl;
    this.timeout = timeout;
  }

  /**
   * Returns the last report while it is fresh, else checks every dependency again; the Home tab
   * reads it too, so it shows what {@code /readyz} says.
   */
  public synchronized ReadinessReport report() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.checkedAt().plus(ttl))) {
      last = check(now);
    }
    return last;
  }

  private ReadinessReport check(Instant now) {
    List<CompletableFuture<DependencyStatus>> answers = new ArrayList<>();
    for (Check check : checks) {
      answers.add(
          running
              .compute(
                  check,
                  (key, earlier) -> earlier == null || earlier.isDone() ? start(check) : earlier)
              .copy()
              .completeOnTimeout(
                  DependencyStatus.down("no answer within " + timeout.toMillis() + " ms"),
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS));
    }
    List<ReadinessReport.Entry> entries = new ArrayList<>();
    for (int i = 0; i < checks.size(); i++) {
      entries.add(new ReadinessReport.Entry(checks.get(i), answers.get(i).join()));
    }
    return new ReadinessReport(now, entries);
  }

  private CompletableFuture<DependencyStatus> start(Check check) {
    try {
      return CompletableFuture.supplyAsync(check.probe(), executor)
          .exceptionally(
              bug -> {
                log.warn("readiness check of {} {} failed", check.kind(), check.name(), bug);
                return DependencyStatus.down("the check failed");
              });
    } catch (RejectedExecutionException shuttingDown) {
      return CompletableFuture.completedFuture(
          DependencyStatus.unknown("not checked: shutting down"));
    }
  }
}
