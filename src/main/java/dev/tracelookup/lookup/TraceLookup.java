package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.http.CallScope;
import dev.tracelookup.http.ReadBudget;
import dev.tracelookup.privacy.AttributePolicy;
import dev.tracelookup.privacy.Redactor;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.trace.SpanEvent;
import dev.tracelookup.trace.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lookup pipeline: cache, backend search, parallel fetch of the traces the search did not
 * return whole, analysis, ordering. Every call ends in one {@link LookupOutcome} within the budget.
 */
public final class TraceLookup {
  private static final Logger log = LoggerFactory.getLogger(TraceLookup.class);

  /**
   * What backend calls leave of the budget to analyse and answer, as {@code Backends} does per
   * call.
   */
  private static final Duration ANSWER_TIME = Duration.ofSeconds(3);

  /**
   * Pages a lookup offers at most: page {@code n} searches {@code n × lookup.max-traces} deep, and
   * past five the agent is better served by a narrower window.
   */
  public static final int MAX_PAGES = 5;

  private final TraceBackend backend;
  private final LookupCache cache;
  private final TraceFetcher fetcher;
  private final TraceCards cards;
  private final int maxTraces;
  private final Duration budget;
  private final UserIdHasher hasher;
  private final UserIdFingerprint fingerprints;
  private final LookupTelemetry telemetry;
  private final ReadBudget reads;
  private final Admission admission;

  /**
   * @param fetchExecutor reads the traces a search did not return whole, at most {@code
   *     fetchParallelism} at once per lookup (the lookup's own thread is one of them)
   */
  public TraceLookup(
      TraceBackend backend,
      LookupCache cache,
      Executor fetchExecutor,
      int maxTraces,
      int fetchParallelism,
      Duration budget) {
    this(
        backend,
        cache,
        fetchExecutor,
        maxTraces,
        fetchParallelism,
        budget,
        UserIdHasher.identity(),
        AttributePolicy.defaults(new Redactor()),
        Telemetry.noop(),
        UserIdFingerprint.randomKey());
  }

  /**
   * @param hasher turns the typed ID into the value the services store (a keyed hash, where they
   *     store one); cache keys and logs keep using their own digests
   * @param shown the span attributes cards may show (redacted); the ones the analysis reads are
   *     always kept
   * @param telemetry records a {@code lookup} span with the backend's searches and fetches as
   *     children, and the lookup, backend and cache metrics
   * @param fingerprints names the customer in logs, spans, audit lines and erasure answers
   */
  public TraceLookup(
      TraceBackend backend,
      LookupCache cache,
      Executor fetchExecutor,
      int maxTraces,
      int fetchParallelism,
      Duration budget,
      UserIdHasher hasher,
      AttributePolicy shown,
      Telemetry telemetry,
      UserIdFingerprint fingerprints) {
    this(
        backend,
        cache,
        fetchExecutor,
        maxTraces,
        fetchParallelism,
        budget,
        hasher,
        shown,
        telemetry,
        fingerprints,
        ReadBudget.unlimited());
  }

  /**
   * @param reads the bytes of backend answers all lookups may hold at once
   */
  public TraceLookup(
      TraceBackend backend,
      LookupCache cache,
      Executor fetchExecutor,
      int maxTraces,
      int fetchParallelism,
      Duration budget,
      UserIdHasher hasher,
      AttributePolicy shown,
      Telemetry telemetry,
      UserIdFingerprint fingerprints,
      ReadBudget reads) {
    this(
        backend,
        cache,
        fetchExecutor,
        maxTraces,
        fetchParallelism,
        budget,
        hasher,
        shown,
        telemetry,
        fingerprints,
        reads,
        Admission.unlimited(callTime(budget)));
  }

  /**
   * @param reads the bytes of backend answers all lookups may hold at once; each lookup, and each
   *     "Show trace", reads within it and within its budget, and what it started is aborted when
   *     the budget is spent
   * @param admission told how long each lookup took and how much backend time it used, so that it
   *     can tell how long the next one will take
   */
  public TraceLookup(
      TraceBackend backend,
      LookupCache cache,
      Executor fetchExecutor,
      int maxTraces,
      int fetchParallelism,
      Duration budget,
      UserIdHasher hasher,
      AttributePolicy shown,
      Telemetry telemetry,
      UserIdFingerprint fingerprints,
      ReadBudget reads,
      Admission admission) {
    this.reads = reads;
    this.admission = admission;
    this.hasher = hasher;
    this.fingerprints = fingerprints;
    this.cards = new TraceCards(shown);
    this.backend = new TracedBackend(backend, telemetry);
    this.cache = cache;
    this.telemetry = new LookupTelemetry(telemetry, backend.displayName(), cache, fingerprints);
    // The search and its fetches run on other threads; their spans must still be the lookup's
    // children, and their backend calls must still end with the lookup's budget.
    this.fetcher =
        new TraceFetcher(
            this.backend,
            cache,
            Context.taskWrapping(CallScope.propagating(fetchExecutor)),
            fetchParallelism,
            cards,
            budget);
    this.maxTraces = maxTraces;
    this.budget = budget;
  }

  /** Returns how logs, audit lines and answers name a customer without their ID. */
  public UserIdFingerprint fingerprints() {
    return fingerprints;
  }

  /** Returns the name of the backend lookups go to, for messages. */
  public String backendName() {
    return backend.displayName();
  }

  /**
   * Looks up the request's traces. With {@code refresh}, a cached answer is dropped first.
   *
   * <p>The window is widened to whole minutes so that repeated lookups of "the last 2 hours" share
   * one cache entry; the outcome's request carries the window actually searched.
   */
  public LookupOutcome lookup(LookupRequest request, boolean refresh) {
    return lookup(request, refresh, LookupProgress.Tracker.ignored());
  }

  /**
   * Looks up the request's traces, telling {@code progress} where the lookup stands as it goes.
   *
   * @see #lookup(LookupRequest, boolean)
   */
  public LookupOutcome lookup(
      LookupRequest request, boolean refresh, LookupProgress.Tracker progress) {
    if (refresh) {
      LookupKey first = LookupKey.of(widenedToMinutes(request));
      // The later pages were cut from the answer a refresh replaces.
      for (int page = 1; page <= MAX_PAGES; page++) {
        cache.invalidate(first.page(page));
      }
    }
    return page(request, 1, progress);
  }

  /**
   * Returns one page of the request's traces: page 1 is {@link #lookup}; page {@code n} holds the
   * next traces the backend names that no earlier page holds, ranked among themselves, so a page
   * never changes once read and no trace is on two pages. Every page is cached like a lookup; one
   * that is not (another replica, or expired) is read again, with the pages before it.
   *
   * <p>When the pages before it end sooner than they did (the lookup was read again and found
   * fewer), the last page there is is returned.
   */
  public LookupOutcome page(LookupRequest request, int page, LookupProgress.Tracker progress) {
    int wanted = Math.max(1, Math.min(page, MAX_PAGES));
    LookupRequest searched = widenedToMinutes(request);
    long started = System.nanoTime();
    Span span = telemetry.start(request);
    try (Scope ignored = span.makeCurrent()) {
      Set<String> seen = new HashSet<>();
      Paged paged = null;
      for (int number = 1; number <= wanted; number++) {
        paged = cached(searched, number, Set.copyOf(seen), progress);
        if (!(paged.outcome() instanceof LookupOutcome.Found found) || !found.page().more()) {
          break;
        }
        found.traces().forEach(card -> seen.add(card.analysis().summary().traceId()));
      }
      LookupOutcome outcome = paged.outcome();
      long took = System.nanoTime() - started;
      log.info(
          "lookup user={} window={}..{} page={} backend={} outcome={} shared={} took={}ms",
          fingerprints.of(request.userId()),
          searched.window().from(),
          searched.window().to(),
          outcome instanceof LookupOutcome.Found found ? found.page().number() : 1,
          backend.displayName(),
          outcome.getClass().getSimpleName(),
          paged.shared(),
          TimeUnit.NANOSECONDS.toMillis(took));
      telemetry.record(span, outcome, paged.shared(), took);
      // Ranked per request, after the cache: two agents may share a window but not its moment.
      return ranked(paged.shared() ? markCached(outcome) : outcome, request.window().anchor());
    } finally {
      span.end();
    }
  }

  /** One page's outcome, and whether it came from the cache or a lookup already running. */
  private record Paged(LookupOutcome outcome, boolean shared) {}

  private Paged cached(
      LookupRequest searched, int page, Set<String> seen, LookupProgress.Tracker progress) {
    AtomicReference<Owned> owned = new AtomicReference<>();
    LookupCache.Lookup lookup = cache.get(LookupKey.of(searched).page(page), () -> start(owned));
    if (owned.get() != null) {
      runHere(owned.get(), searched, new Paging(page, seen), progress);
    }
    return new Paged(await(lookup.outcome(), searched), lookup.shared());
  }

  /** Which page a computation reads, and the traces the pages before it hold. */
  private record Paging(int page, Set<String> seen) {}

  /**
   * Forgets everything cached about one customer, for an erasure request: their lookups, the traces
   * those returned, and any cached trace whose spans carry the ID (as typed or as stored). The
   * trace backend itself is not touched; its retention is the backend's own.
   */
  public Erasure erase(String userId) {
    String stored = hasher.stored(userId);
    LookupCache.Erased erased =
        cache.erase(UserIdFingerprint.digest(userId), trace -> carries(trace, userId, stored));
    log.info(
        "erased user={} lookups={} running={} traces={}",
        fingerprints.of(userId),
        erased.lookups(),
        erased.inFlight(),
        erased.traces());
    return new Erasure(erased.lookups(), erased.inFlight(), erased.traces());
  }

  private static boolean carries(Trace trace, String userId, String stored) {
    return trace.spans().stream()
        .flatMap(
            span ->
                Stream.concat(
                    Stream.of(span.attributes()),
                    span.events().stream().map(SpanEvent::attributes)))
        .flatMap(attributes -> attributes.values().values().stream())
        .anyMatch(value -> value.equals(userId) || value.equals(stored));
  }

  /**
   * What an erasure removed from the caches.
   *
   * @param lookups cached lookups dropped
   * @param running of those, lookups still running; their traces are dropped when they end
   * @param traces cached traces dropped
   */
  public record Erasure(int lookups, int running, int traces) {}

  /** Returns how the lookups running now stand against the backend's room for them. */
  public Admission admission() {
    return admission;
  }

  /**
   * Returns one trace by ID for "Show trace": from the cache when it is there, else read within the
   * budget.
   */
  public TraceResult trace(String traceId) {
    try (CallScope scope = CallScope.open(callTime(budget), reads)) {
      return scope.call(() -> fetcher.fetchOne(traceId));
    }
  }

  /**
   * Returns one trace for a preview everyone in a channel reads (a link unfurl): as {@link #trace},
   * with the customer IDs its spans carry under {@code userAttributes}, as stored (raw or hashed),
   * which the channel copy must mask since no lookup named them.
   */
  public SharedTrace sharedTrace(String traceId, List<String> userAttributes) {
    Set<String> customers = ConcurrentHashMap.newKeySet();
    TraceResult result;
    try (CallScope scope = CallScope.open(callTime(budget), reads)) {
      result =
          scope.call(
              () ->
                  fetcher.fetchOne(
                      traceId,
                      trace ->
                          trace.spans().stream()
                              .flatMap(
                                  span ->
                                      userAttributes.stream()
                                          .map(key -> span.attributes().get(key)))
                              .flatMap(Optional::stream)
                              .forEach(customers::add)));
    }
    return new SharedTrace(result, List.copyOf(customers));
  }

  /** A trace read for a channel, and the customer IDs found on it. */
  public record SharedTrace(TraceResult result, List<String> customerIds) {
    public SharedTrace {
      customerIds = List.copyOf(customerIds);
    }
  }

  /**
   * Creates the lookup's future and the scope that ends with its budget, to be run by the caller
   * that put it in the cache ({@link #runHere}); callers that find it there only wait for it.
   */
  private CompletableFuture<LookupOutcome> start(AtomicReference<Owned> owned) {
    Owned mine = new Owned(CallScope.open(callTime(budget), reads), new CompletableFuture<>());
    owned.set(mine);
    return mine.outcome();
  }

  /** A lookup this caller started, and so runs. */
  private record Owned(CallScope scope, CompletableFuture<LookupOutcome> outcome) {}

  /**
   * Runs the lookup on this thread, which waits for it anyway: one thread per waiting lookup, not
   * one to wait and one to work. The budget still ends it on time ({@link BudgetWatch}).
   */
  private void runHere(
      Owned owned, LookupRequest request, Paging paging, LookupProgress.Tracker progress) {
    CallScope scope = owned.scope();
    long started = System.nanoTime();
    try {
      BudgetWatch.Ran<LookupOutcome> ran =
          BudgetWatch.run(
              budget, scope, () -> scope.call(() -> compute(request, scope, paging, progress)));
      owned.outcome().complete(ran.expired() ? timedOut(request) : ran.value());
    } catch (RuntimeException bug) {
      owned.outcome().completeExceptionally(bug);
    } finally {
      scope.close();
      admission.finished(
          Duration.ofNanos(System.nanoTime() - started), scope.queued(), scope.backendTime());
    }
  }

  /** Waits for a lookup this caller found running (its own has ended when this is called). */
  private LookupOutcome await(CompletableFuture<LookupOutcome> future, LookupRequest request) {
    try {
      return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      // Its owner's budget ends it; this caller's answer goes out now.
      return timedOut(request);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return new LookupOutcome.Failed(
          request,
          BackendFailure.of(
              BackendFailure.Kind.TIMEOUT, backend.displayName(), "the bot is shutting down"));
    } catch (ExecutionException bug) {
      log.error("lookup failed unexpectedly", bug.getCause());
      // A bug of the bot's, wherever it happened: not an answer the backend got wrong.
      return new LookupOutcome.Failed(
          request,
          BackendFailure.of(BackendFailure.Kind.INTERNAL, backend.displayName(), "internal error"));
    }
  }

  /**
   * Returns how long backend calls may take: the budget less the time to analyse what they read and
   * answer, so a slow backend still leaves a partial answer rather than none; three quarters of a
   * budget too short to spare that.
   */
  public static Duration callTime(Duration budget) {
    Duration left = budget.minus(ANSWER_TIME);
    return left.compareTo(budget.dividedBy(2)) >= 0 ? left : budget.multipliedBy(3).dividedBy(4);
  }

  /**
   * Searches, reads and analyses one page. Page {@code n} asks the backend for {@code n} pages'
   * worth, since no backend can skip the first ones, and reads only those no earlier page holds:
   * page 1 searches and reads exactly what a lookup always did.
   */
  private LookupOutcome compute(
      LookupRequest request, CallScope scope, Paging paging, LookupProgress.Tracker progress) {
    if (scope.aborted()) {
      // Waited in the queue past its budget: its caller has answered already.
      return timedOut(request);
    }
    int limit = maxTraces * paging.page();
    TraceQuery query =
        new TraceQuery(
            hasher.stored(request.userId()),
            request.window().from(),
            request.window().to(),
            request.service(),
            request.spanName(),
            request.errorsOnly(),
            limit);
    SearchResult result = backend.search(query);
    if (result instanceof SearchResult.Failed failed) {
      return new LookupOutcome.Failed(request, failed.failure());
    }
    SearchResult.Found found = (SearchResult.Found) result;
    if (found.traces().isEmpty() && paging.page() == 1) {
      return new LookupOutcome.NoTraces(request, found.warnings());
    }
    List<TraceRef> unseen =
        found.traces().stream().filter(ref -> !paging.seen().contains(ref.traceId())).toList();
    List<TraceRef> refs = unseen.subList(0, Math.min(maxTraces, unseen.size()));
    boolean more =
        paging.page() < MAX_PAGES
            && (found.traces().size() >= limit || unseen.size() > refs.size());
    LookupOutcome.Page page = new LookupOutcome.Page(paging.page(), more);
    progress.found(refs.size());
    TraceFetcher.Fetched fetched = fetcher.fetchAll(refs, progress::readOne);
    if (scope.aborted()) {
      // Nobody waits for the cards any more: analysing large traces now would only hold a thread.
      return timedOut(request);
    }
    List<String> warnings = new ArrayList<>(found.warnings());
    warnings.addAll(fetched.warnings());
    if (refs.isEmpty()) {
      warnings.add(
          backend.displayName() + " named no traces beyond the ones on the pages before this one.");
      return new LookupOutcome.Found(request, List.of(), 0, warnings, false, page);
    }
    if (fetched.traces().isEmpty()) {
      return fetched
          .failure()
          .<LookupOutcome>map(failure -> new LookupOutcome.Failed(request, failure))
          .orElseGet(() -> new LookupOutcome.NoTraces(request, warnings));
    }
    List<TraceCard> ranked = cards.cards(fetched.traces(), fetched.linked(), backend);
    int matched = paging.page() == 1 ? found.traces().size() : refs.size();
    return new LookupOutcome.Found(request, ranked, matched, warnings, false, page);
  }

  private LookupOutcome timedOut(LookupRequest request) {
    return new LookupOutcome.Failed(
        request,
        BackendFailure.of(
            BackendFailure.Kind.TIMEOUT,
            backend.displayName(),
            "no answer within " + DurationFormat.exact(budget)));
  }

  private static LookupOutcome ranked(LookupOutcome outcome, Instant anchor) {
    if (outcome instanceof LookupOutcome.Found found) {
      return found.with(TraceRanking.rank(found.traces(), anchor), found.fromCache());
    }
    return outcome;
  }

  private static LookupOutcome markCached(LookupOutcome outcome) {
    if (outcome instanceof LookupOutcome.Found found) {
      return found.with(found.traces(), true);
    }
    return outcome;
  }

  private static LookupRequest widenedToMinutes(LookupRequest request) {
    TimeWindow window = request.window();
    Instant from = window.from().truncatedTo(ChronoUnit.MINUTES);
    Instant to = window.to().truncatedTo(ChronoUnit.MINUTES);
    if (to.isBefore(window.to())) {
      to = to.plus(1, ChronoUnit.MINUTES);
    }
    return new LookupRequest(
        request.userId(),
        window.withBounds(from, to),
        request.service(),
        request.spanName(),
        request.errorsOnly());
  }

  /** The answer to "Show trace": the trace's card, or why it could not be read. */
  public sealed interface TraceResult
      permits TraceResult.Shown, TraceResult.Missing, TraceResult.Failed {
    record Shown(TraceCard card) implements TraceResult {}

    record Missing(String traceId) implements TraceResult {}

    record Failed(BackendFailure failure) implements TraceResult {}
  }
}
