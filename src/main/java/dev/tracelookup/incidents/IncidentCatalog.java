package dev.tracelookup.incidents;

import dev.tracelookup.trace.TraceAnalysis;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The known incidents of every configured source, kept fresh in the background, and the question a
 * card asks of them: which incidents explain this failing trace?
 *
 * <p>Each source is refreshed on the injected scheduler: once at {@link #start()}, then again after
 * its TTL, or after at most {@link #FAILURE_RETRY} when the refresh failed. Lookups never wait for
 * a source; they read the last good list. A failing source keeps serving that list for up to {@link
 * CatalogSettings#staleLimit()}, reported as stale; past it, or before its first good fetch, it is
 * reported as unavailable. One source failing never affects the others.
 */
public final class IncidentCatalog implements AutoCloseable {
  /**
   * A failing source is retried this soon even when its TTL is longer, so the card recovers
   * quickly.
   */
  static final Duration FAILURE_RETRY = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(IncidentCatalog.class);

  private final List<CatalogSource> sources;
  private final CatalogSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final IncidentMatcher matcher;
  private final Map<String, SourceState> states = new ConcurrentHashMap<>();
  private final Map<String, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * @param sources the sources, with unique names
   * @param scheduler runs the background refreshes; its owner shuts it down. Give it a thread per
   *     source so a slow source does not delay the others
   * @throws IllegalArgumentException when two sources share a name
   */
  public IncidentCatalog(
      List<CatalogSource> sources,
      CatalogSettings settings,
      ScheduledExecutorService scheduler,
      Clock clock) {
    this.sources = List.copyOf(sources);
    this.settings = settings;
    this.scheduler = scheduler;
    this.clock = clock;
    this.matcher = new IncidentMatcher(settings.declaredLate(), settings.resolvedEarly());
    Set<String> names = new HashSet<>();
    for (CatalogSource source : this.sources) {
      if (!names.add(source.name())) {
        throw new IllegalArgumentException("two incident sources are named " + source.name());
      }
    }
  }

  /**
   * Schedules every source's first refresh now, and each later one after its TTL.
   *
   * @return completes when every source's first refresh has ended, well or not; a caller that wants
   *     known incidents on its first cards waits on it, as long as it can afford
   */
  public CompletableFuture<Void> start() {
    List<CompletableFuture<Void>> first = new ArrayList<>();
    for (CatalogSource source : sources) {
      CompletableFuture<Void> ended = new CompletableFuture<>();
      first.add(ended);
      schedule(source, Duration.ZERO, () -> ended.complete(null));
    }
    return CompletableFuture.allOf(first.toArray(CompletableFuture[]::new));
  }

  /**
   * Refreshes every source in the calling thread, one after the other, so it blocks for up to the
   * sum of their time budgets. For tests and an explicit "refresh"; the background refresh runs the
   * sources independently.
   */
  public void refreshNow() {
    sources.forEach(this::refresh);
  }

  /**
   * Returns the incidents whose window contains the trace's failure, strongest first, at most
   * {@link IncidentReport#MAX_MATCHES}, and which sources could not be consulted. A trace without a
   * failing span matches nothing.
   */
  public IncidentReport match(TraceAnalysis analysis) {
    Optional<TraceFailure> failure = TraceFailure.of(analysis);
    List<IncidentMatcher.Candidate> candidates = new ArrayList<>();
    List<String> unavailable = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    Instant now = clock.instant();
    for (CatalogSource source : sources) {
      Optional<List<Incident>> usable = usable(source.name(), now, unavailable, stale);
      if (usable.isPresent() && failure.isPresent()) {
        for (Incident incident : usable.get()) {
          matcher.judge(incident, source.mapping(), failure.get()).ifPresent(candidates::add);
        }
      }
    }
    return new IncidentReport(
        IncidentMatcher.best(candidates, IncidentReport.MAX_MATCHES), unavailable, stale);
  }

  /** Returns how usable each source's list is now, in configuration order. */
  public List<SourceHealth> health() {
    Instant now = clock.instant();
    return sources.stream()
        .map(
            source ->
                SourceHealth.of(
                    source.name(),
                    Optional.ofNullable(states.get(source.name())),
                    now,
                    settings.staleLimit()))
        .toList();
  }

  /** Stops scheduling refreshes; a refresh already running finishes. */
  @Override
  public void close() {
    closed = true;
    scheduled.values().forEach(future -> future.cancel(false));
  }

  /** Returns the source's list if it may be used, noting the source as unavailable or stale. */
  private Optional<List<Incident>> usable(
      String name, Instant now, List<String> unavailable, List<String> stale) {
    SourceState state = states.get(name);
    if (state == null || state.incidents().isEmpty()) {
      unavailable.add(name);
      return Optional.empty();
    }
    if (state.failing()) {
      if (Duration.between(state.fetchedAt(), now).compareTo(settings.staleLimit()) > 0) {
        unavailable.add(name);
        return Optional.empty();
      }
      stale.add(name);
    }
    return state.incidents();
  }

  private void schedule(CatalogSource source, Duration delay, Runnable refreshed) {
    if (closed) {
      return;
    }
    try {
      scheduled.put(
          source.name(),
          scheduler.schedule(
              () -> refreshAndReschedule(source, refreshed),
              delay.toMillis(),
              TimeUnit.MILLISECONDS));
    } catch (RejectedExecutionException shuttingDown) {
      log.debug("incident source {} not rescheduled: the scheduler is shut down", source.name());
    }
  }

  private void refreshAndReschedule(CatalogSource source, Runnable refreshed) {
    boolean ok = refresh(source);
    refreshed.run();
    schedule(
        source,
        ok || source.ttl().compareTo(FAILURE_RETRY) < 0 ? source.ttl() : FAILURE_RETRY,
        () -> {});
  }

  /** Fetches one source and records the outcome; returns whether it succeeded. */
  private boolean refresh(CatalogSource source) {
    Instant now = clock.instant();
    SourceResult result = fetch(source, now);
    Optional<SourceState> previous = Optional.ofNullable(states.get(source.name()));
    if (result instanceof SourceResult.Fetched fetched) {
      List<Incident> incidents = fetched.incidents();
      if (previous.map(SourceState::failing).orElse(false)) {
        log.info("incident source {} answers again", source.name());
      }
      states.put(source.name(), SourceState.fetched(incidents, now));
      log.debug("incident source {}: {} incidents", source.name(), incidents.size());
      return true;
    }
    String detail = ((SourceResult.Failed) result).detail();
    if (previous.map(state -> !state.failing()).orElse(true)) {
      log.warn("incident source {} failed: {}", source.name(), detail);
    }
    states.put(source.name(), SourceState.failed(previous, detail, now));
    return false;
  }

  private SourceResult fetch(CatalogSource source, Instant now) {
    try {
      return source.source().fetch(now.minus(settings.lookback()), now);
    } catch (RuntimeException bug) {
      // A source's bug must not end its refresh schedule or reach a lookup.
      log.error("incident source {} threw", source.name(), bug);
      return new SourceResult.Failed(bug.getClass().getSimpleName() + " while fetching");
    }
  }
}
