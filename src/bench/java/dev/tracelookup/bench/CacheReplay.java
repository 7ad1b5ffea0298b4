package dev.tracelookup.bench;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The lookup cache's hit ratio over a replayed support shift, on the shipped TTLs (recent windows 1
 * min, settled 1 h), with the cache's clock and ticker moved by the replay, not by wall time.
 *
 * <p>The mix: 8 hours, a ticket every 2 minutes on average, customers drawn from 150 with a skew (a
 * few write in again and again). A ticket's first lookup names a time 1–7 hours earlier in 60% of
 * cases (a settled 30-minute window), none in 40% (the last 2 hours, which moves with the clock).
 * Then, each independently: the same agent runs the same text again 1–10 min later (35%), clicks
 * Refresh 1–5 min later (25%, which bypasses the cache by design), shares the card 0.5–3 min later
 * (30%), and a second agent escalating the ticket runs the same text 10–60 min later (20%). Refresh
 * and Share act on the card's own window; a re-typed text without a time is read again at its own
 * moment, as the parser does.
 */
final class CacheReplay {
  private static final long SEED = 20_260_206L;
  private static final Duration SHIFT = Duration.ofHours(8);
  private static final double TICKETS_PER_SECOND = 1.0 / 120;
  private static final int CUSTOMERS = 150;
  private static final Instant SHIFT_START = Instant.parse("2026-02-06T09:00:00Z");

  /** What each kind of lookup became, hits over all. */
  enum Kind {
    FIRST,
    RERUN,
    REFRESH,
    SHARE,
    SECOND_AGENT
  }

  /** Lookups and cache hits, by kind. */
  record Result(Map<Kind, Integer> lookups, Map<Kind, Integer> hits) {
    double hitRatio() {
      return (double) hits.values().stream().mapToInt(Integer::intValue).sum()
          / lookups.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private record Event(
      Instant at, Kind kind, String customer, Optional<Instant> stated, Instant cardAt) {}

  private CacheReplay() {}

  static Result run() throws OtlpFormatException {
    MutableClock clock = new MutableClock(SHIFT_START);
    TraceLookup lookup =
        Lookups.over(
            new FakeBackend(3, 20, Duration.ZERO, Duration.ZERO),
            Runnable::run,
            clock,
            () -> clock.instant().toEpochMilli() * 1_000_000);
    Map<Kind, Integer> lookups = new EnumMap<>(Kind.class);
    Map<Kind, Integer> hits = new EnumMap<>(Kind.class);
    for (Event event : events()) {
      clock.advance(Duration.between(clock.instant(), event.at()));
      LookupOutcome outcome = lookup.lookup(request(event), event.kind() == Kind.REFRESH);
      lookups.merge(event.kind(), 1, Integer::sum);
      hits.merge(event.kind(), ((LookupOutcome.Found) outcome).fromCache() ? 1 : 0, Integer::sum);
    }
    return new Result(lookups, hits);
  }

  private static List<Event> events() {
    Random random = new Random(SEED);
    List<Event> events = new ArrayList<>();
    Instant end = SHIFT_START.plus(SHIFT);
    for (Instant at = next(SHIFT_START, random); at.isBefore(end); at = next(at, random)) {
      String customer = "usr_" + (int) (CUSTOMERS * Math.pow(random.nextDouble(), 2));
      Optional<Instant> stated =
          random.nextDouble() < 0.6
              ? Optional.of(at.minus(Duration.ofMinutes(60 + random.nextInt(360))))
              : Optional.empty();
      Event first = new Event(at, Kind.FIRST, customer, stated, at);
      events.add(first);
      followUp(events, random, 0.35, Kind.RERUN, first, 60, 600);
      followUp(events, random, 0.25, Kind.REFRESH, first, 60, 300);
      followUp(events, random, 0.30, Kind.SHARE, first, 30, 180);
      followUp(events, random, 0.20, Kind.SECOND_AGENT, first, 600, 3_600);
    }
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  private static void followUp(
      List<Event> events,
      Random random,
      double chance,
      Kind kind,
      Event first,
      int fromSeconds,
      int toSeconds) {
    if (random.nextDouble() < chance) {
      Instant at = first.at().plusSeconds(fromSeconds + random.nextInt(toSeconds - fromSeconds));
      events.add(new Event(at, kind, first.customer(), first.stated(), first.at()));
    }
  }

  private static Instant next(Instant at, Random random) {
    return at.plusMillis((long) (-Math.log(1 - random.nextDouble()) / TICKETS_PER_SECOND * 1_000));
  }

  /** The card's window for Refresh and Share; the text read again at its own moment otherwise. */
  private static LookupRequest request(Event event) {
    boolean onCard = event.kind() == Kind.REFRESH || event.kind() == Kind.SHARE;
    Instant now = onCard ? event.cardAt() : event.at();
    TimeWindow window =
        event
            .stated()
            .map(
                stated ->
                    new TimeWindow(
                        stated, stated.plus(Duration.ofMinutes(30)), ZoneOffset.UTC, "stated"))
            .orElseGet(
                () ->
                    new TimeWindow(
                        now.minus(Duration.ofHours(2)), now, ZoneOffset.UTC, "last 2 hours"));
    return new LookupRequest(event.customer(), window, Optional.empty(), Optional.empty(), false);
  }
}
