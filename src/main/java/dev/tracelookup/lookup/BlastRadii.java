package dev.tracelookup.lookup;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FailureSignature;
import dev.tracelookup.backend.FailureTally;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.http.CallScope;
import dev.tracelookup.http.ReadBudget;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.TraceAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts how many other requests and customers hit a lookup's featured failure: the culprit's
 * service, span name, HTTP status and exception type, in the lookup's window widened by {@code
 * around} on each side (snapped outward to whole {@value #SNAP_MINUTES} minutes, so agents looking
 * at neighbouring windows share a count).
 *
 * <p>Counts are cached by signature and window, and concurrent counts of one failure share one
 * backend query (single flight): during an incident every agent asks about the same failure, for a
 * different customer, and the one tally answers each of them, leaving their own customer out.
 * Failed counts are not kept. Only counts leave this class, and its logs name no one.
 */
public final class BlastRadii {
  private static final Logger log = LoggerFactory.getLogger(BlastRadii.class);
  static final int SNAP_MINUTES = 5;

  private final TraceBackend backend;
  private final UserIdHasher hasher;
  private final Duration around;
  private final int limit;
  private final Duration budget;
  private final ReadBudget reads;
  private final Executor executor;
  private final AsyncCache<Key, SameFailureCount> cache;

  /**
   * @param around how far the lookup's window is widened on each side
   * @param limit at most this many traces are read; a count that reaches it says "at least"
   * @param budget a count answers within this, counted or not
   * @param ttl how long a count is reused
   * @param executor runs the backend queries, off the lookup's threads
   */
  public BlastRadii(
      TraceBackend backend,
      UserIdHasher hasher,
      Duration around,
      int limit,
      Duration budget,
      Duration ttl,
      int maxCounts,
      ReadBudget reads,
      Executor executor,
      Ticker ticker) {
    this.backend = backend;
    this.hasher = hasher;
    this.around = around;
    this.limit = limit;
    this.budget = budget;
    this.reads = reads;
    this.executor = executor;
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxCounts)
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .executor(executor)
            .buildAsync();
  }

  /**
   * Returns the failure a count would be made of: the featured failing trace's culprit, or empty
   * when nothing failed.
   */
  public static Optional<FailureSignature> signature(LookupOutcome outcome) {
    if (!(outcome instanceof LookupOutcome.Found found)) {
      return Optional.empty();
    }
    return found.traces().stream()
        .map(TraceCard::analysis)
        .filter(analysis -> analysis.verdict().isFailure())
        .map(TraceAnalysis::errorPath)
        .flatMap(Optional::stream)
        .findFirst()
        .map(path -> signature(path.culprit()));
  }

  private static FailureSignature signature(PathStep culprit) {
    return new FailureSignature(
        culprit.span().service(),
        culprit.span().name(),
        culprit.httpStatus() > 0 ? OptionalInt.of(culprit.httpStatus()) : OptionalInt.empty(),
        culprit.exception().map(e -> e.type()).filter(type -> !type.isBlank()));
  }

  /** Returns the window counted for a lookup's window. */
  public TimeWindowBounds window(LookupRequest request) {
    Instant from = snapDown(request.window().from().minus(around));
    Instant to = snapUp(request.window().to().plus(around));
    return new TimeWindowBounds(from, to);
  }

  /**
   * Starts counting, or joins a count of the same failure and window already running or done; the
   * future completes within the budget and never exceptionally. Empty when the lookup has no
   * failure to count.
   */
  public Optional<CompletableFuture<BlastReport>> count(LookupOutcome outcome) {
    return target(outcome).map(this::count);
  }

  private CompletableFuture<BlastReport> count(Target target) {
    TimeWindowBounds window = target.window();
    SameFailureQuery query =
        new SameFailureQuery(target.signature(), window.from(), window.to(), limit);
    AtomicBoolean computed = new AtomicBoolean();
    CompletableFuture<SameFailureCount> shared =
        cache.get(
            target.key(),
            (k, pool) -> {
              computed.set(true);
              try {
                return CompletableFuture.supplyAsync(() -> query(query), executor);
              } catch (RejectedExecutionException full) {
                return CompletableFuture.completedFuture(
                    new SameFailureCount.Failed(
                        BackendFailure.of(
                            BackendFailure.Kind.BUSY,
                            backend.displayName(),
                            "every blast-radius thread is busy")));
              }
            });
    boolean fromCache = !computed.get();
    // A copy times out for this caller alone; the count itself goes on for the others.
    return shared
        .copy()
        .orTimeout(budget.toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (count, failure) -> {
              if (count != null && !(count instanceof SameFailureCount.Counted)) {
                // A failure is not worth keeping: the next agent asks again.
                cache.asMap().remove(target.key(), shared);
              }
              return report(count, failure, target.excluded(), window, fromCache);
            });
  }

  /**
   * Returns the count when another lookup of the same failure and window has already made it: the
   * card can carry it from the start, with no "counting…" line to replace. Empty while a count is
   * still running, after one failed, or when there is nothing to count.
   */
  public Optional<BlastReport> known(LookupOutcome outcome) {
    return target(outcome).flatMap(this::known);
  }

  private Optional<BlastReport> known(Target target) {
    CompletableFuture<SameFailureCount> shared = cache.getIfPresent(target.key());
    if (shared == null || !shared.isDone() || shared.isCompletedExceptionally()) {
      return Optional.empty();
    }
    SameFailureCount count = shared.join();
    return count instanceof SameFailureCount.Counted
        ? Optional.of(report(count, null, target.excluded(), target.window(), true))
        : Optional.empty();
  }

  /**
   * Returns what a count of the lookup's featured failure is made of, or empty when none failed.
   */
  private Optional<Target> target(LookupOutcome outcome) {
    return signature(outcome)
        .map(
            signature -> {
              TimeWindowBounds window = window(outcome.request());
              return new Target(
                  signature,
                  window,
                  new Key(signature.key(), window.from(), window.to()),
                  hasher.stored(outcome.request().userId()));
            });
  }

  /** Counts and waits for it, for faces with no card to update later (the command line). */
  public Optional<BlastReport> countNow(LookupOutcome outcome) {
    return count(outcome).map(CompletableFuture::join);
  }

  private SameFailureCount query(SameFailureQuery query) {
    long started = System.nanoTime();
    try (CallScope scope = CallScope.open(TraceLookup.callTime(budget), reads)) {
      SameFailureCount count = scope.call(() -> backend.countSameFailure(query));
      log.info(
          "blast radius counted backend={} window={}..{} outcome={} took={}ms",
          backend.displayName(),
          query.from(),
          query.to(),
          count instanceof SameFailureCount.Counted c
              ? c.tally()
              : count.getClass().getSimpleName(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      return count;
    }
  }

  private BlastReport report(
      SameFailureCount count,
      Throwable failure,
      String excluded,
      TimeWindowBounds window,
      boolean fromCache) {
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      if (cause instanceof TimeoutException) {
        return new BlastReport.NotCounted(backend.displayName() + " did not answer in time.");
      }
      log.error("counting the blast radius failed unexpectedly", cause);
      return new BlastReport.NotCounted("internal error.");
    }
    if (count instanceof SameFailureCount.Unsupported unsupported) {
      return new BlastReport.NotCounted(unsupported.reason());
    }
    if (count instanceof SameFailureCount.Failed failed) {
      return new BlastReport.NotCounted(failed.failure().userMessage());
    }
    FailureTally.Counts counts = ((SameFailureCount.Counted) count).tally().excluding(excluded);
    return new BlastReport.Counted(
        new BlastRadius(
            counts.requests(),
            counts.customers(),
            counts.atLeast(),
            counts.firstSeen(),
            counts.lastSeen(),
            window.from(),
            window.to()),
        fromCache);
  }

  private static Instant snapDown(Instant at) {
    Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
    long over = minute.getEpochSecond() / 60 % SNAP_MINUTES;
    return minute.minus(over, ChronoUnit.MINUTES);
  }

  private static Instant snapUp(Instant at) {
    Instant down = snapDown(at);
    return down.equals(at) ? at : down.plus(SNAP_MINUTES, ChronoUnit.MINUTES);
  }

  /** The window a count covers. */
  public record TimeWindowBounds(Instant from, Instant to) {}

  private record Key(String signature, Instant from, Instant to) {}

  /**
   * One lookup's count: the failure, the window counted, the cache key, and the customer left out
   * (as stored on spans).
   */
  private record Target(
      FailureSignature signature, TimeWindowBounds window, Key key, String excluded) {}
}
