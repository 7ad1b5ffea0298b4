package dev.tracelookup.lookup;

import dev.tracelookup.trace.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a lookup's traces as an agent reads them: what the customer saw first (failures, then
 * refusals, then recovered, then plain successes), and within each, the trace nearest the moment
 * the customer named; without one, the newest. A recovered error therefore never leads a card on
 * which the customer saw a failure.
 */
final class TraceRanking {
  private TraceRanking() {}

  /** Returns the cards ranked around {@code anchor}; the trace ID keeps the order stable. */
  static List<TraceCard> rank(List<TraceCard> cards, Instant anchor) {
    List<TraceCard> ranked = new ArrayList<>(cards);
    ranked.sort(
        Comparator.comparing((TraceCard card) -> summary(card).verdict().kind())
            .thenComparing(card -> distance(summary(card).start(), anchor))
            .thenComparing(card -> summary(card).start(), Comparator.reverseOrder())
            .thenComparing(card -> summary(card).traceId()));
    return ranked;
  }

  private static TraceSummary summary(TraceCard card) {
    return card.analysis().summary();
  }

  private static Duration distance(Instant start, Instant anchor) {
    return Duration.between(start, anchor).abs();
  }
}
