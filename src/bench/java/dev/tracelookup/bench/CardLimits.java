package dev.tracelookup.bench;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.render.BlockKitCheck;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalyzer;
import java.util.List;
import java.util.Set;

/** Checks, outside the timings, that the card of each big trace is one Slack would accept. */
final class CardLimits {
  private static final int[] SIZES = {1_000, 10_000, 100_000};

  private CardLimits() {}

  static String table() throws OtlpFormatException {
    StringBuilder table =
        new StringBuilder(
                "Card of each big trace against Block Kit limits (target: 0 violations)\n")
            .append(
                String.format(
                    "%-10s %8s %12s %11s  %s%n",
                    "spans", "blocks", "JSON chars", "violations", "verdict"));
    OtlpJsonReader reader = new OtlpJsonReader(Set.of("user.id"));
    for (int spans : SIZES) {
      Trace trace = new Trace(OtlpTraceJson.TRACE_ID, reader.readAll(OtlpTraceJson.of(spans)));
      SlackMessage card = new CardRenderer().card(Cards.of(TraceAnalyzer.analyze(trace)));
      List<String> violations = BlockKitCheck.violations(card);
      table.append(
          String.format(
              "%-10d %8d %12d %11d  %s%n",
              spans,
              card.blocks().size(),
              card.toJson().length(),
              violations.size(),
              violations.isEmpty() ? "ok" : String.join("; ", violations)));
    }
    return table.toString();
  }
}
