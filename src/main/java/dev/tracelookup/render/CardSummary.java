package dev.tracelookup.render;

import dev.tracelookup.time.TimeFormat;
import dev.tracelookup.trace.Verdict;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** The opening line of a card, the same in Slack and on the terminal. */
final class CardSummary {
  private static final int MAX_LABEL = 100;
  private static final int MAX_FILTERS = 300;

  private CardSummary() {}

  /**
   * Returns {@code Traces for usr_1 · 2026-02-06 14:00–14:30 UTC (9:00–9:30 AM America/New_York) ·
   * 3 traces, 1 failed · Tempo · service checkout · cached}.
   */
  static String line(CardContent content) {
    List<String> parts = new ArrayList<>();
    parts.add("Traces for " + Texts.clip(content.userLabel(), MAX_LABEL));
    parts.add(window(content.from(), content.to(), content.agentZone()));
    parts.add(counts(content));
    parts.add(Texts.clip(content.backendName(), MAX_LABEL));
    if (!Texts.oneLine(content.filters()).isEmpty()) {
      parts.add(Texts.clip(content.filters(), MAX_FILTERS));
    }
    if (content.fromCache()) {
      parts.add("cached");
    }
    return String.join(" · ", parts);
  }

  /** Returns {@code 2026-02-06 14:00–14:30 UTC (9:00–9:30 AM America/New_York)}. */
  private static String window(Instant from, Instant to, ZoneId agentZone) {
    String utc = TimeFormat.utcWindow(from, to);
    if (TimeFormat.isUtc(agentZone)) {
      return utc;
    }
    return utc + " (" + TimeFormat.localRange(from, to, agentZone) + " " + agentZone.getId() + ")";
  }

  /**
   * Returns {@code 5 traces, 2 failed, 1 recovered}: only traces whose customer saw a failure or a
   * refusal count as failed; recovered ones are counted apart.
   */
  private static String counts(CardContent content) {
    long failed = content.traces().stream().filter(t -> t.analysis().summary().hasError()).count();
    long recovered =
        content.traces().stream()
            .filter(t -> t.analysis().verdict().kind() == Verdict.Kind.RECOVERED)
            .count();
    String recoveredPart = recovered > 0 ? ", " + recovered + " recovered" : "";
    int shown = content.traces().size();
    if (content.totalMatched() <= shown) {
      return TraceViews.count(shown, "trace") + ", " + failed + " failed" + recoveredPart;
    }
    return TraceViews.count(content.totalMatched(), "trace")
        + ", "
        + shown
        + " fetched, "
        + failed
        + " of them failed"
        + recoveredPart;
  }
}
