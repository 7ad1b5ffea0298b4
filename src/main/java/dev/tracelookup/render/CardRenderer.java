package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.divider;

import com.slack.api.model.block.LayoutBlock;
import dev.tracelookup.trace.TraceAnalysis;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Renders lookup results as Slack Block Kit messages. Whatever the input, the messages stay within
 * every Block Kit limit ({@link BlockKitLimits}), saying where they cut.
 *
 * <p>Its buttons carry the action IDs of {@link ActionId}.
 */
public final class CardRenderer {
  // Rows of the other traces kept in reserve before the featured trace takes its share.
  private static final int LIST_ROWS_RESERVED = 5;
  private static final int MAX_WARNINGS = 5;
  private static final int MAX_SUMMARY = 1_500;
  // A headline is one sentence; giant span names must not crowd out the root cause below it.
  private static final int MAX_HEADLINE = 500;
  private static final int MAX_WARNING = 300;
  private static final int MAX_FALLBACK = 1_000;

  /**
   * Returns the result card: what the customer saw in the most relevant trace, the summary line,
   * the warnings, that trace with its error path, then the other traces in the order given, each
   * with its culprit in a few words.
   */
  public SlackMessage card(CardContent content) {
    BlockBudget budget = BlockBudget.forMessage();
    String summary = CardSummary.line(content);
    String headline =
        content.traces().isEmpty()
            ? ""
            : VerdictText.headline(
                content.traces().get(featuredIndex(content.traces())).analysis());
    if (!headline.isEmpty()) {
      budget.add(SlackBlocks.mrkdwnSection("*" + Mrkdwn.escape(headline, MAX_HEADLINE) + "*"));
    }
    budget.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(summary, MAX_SUMMARY)));
    if (!content.warnings().isEmpty()) {
      budget.add(SlackBlocks.notes(warningLines(content.warnings())));
    }
    int notFetched = Math.max(0, content.totalMatched() - content.traces().size());
    if (content.traces().isEmpty()) {
      budget.add(SlackBlocks.notes(List.of("No trace to show.")));
      content.actions().map(CardActionBlocks::of).orElse(List.of()).forEach(budget::add);
      TraceListBlocks.add(List.of(), notFetched, budget);
      return new SlackMessage(fallback(summary), budget.blocks());
    }
    int featured = featuredIndex(content.traces());
    List<TraceAnalysis> others = others(content.traces(), featured);
    budget.add(divider());
    List<LayoutBlock> actions = new ArrayList<>(IncidentBlocks.of(content.incidents()));
    actions.addAll(content.actions().map(CardActionBlocks::of).orElse(List.of()));
    ShownTrace card = content.traces().get(featured);
    TraceView view = TraceViews.of(card.analysis(), content.agentZone());
    int listRows = Math.min(others.size(), LIST_ROWS_RESERVED);
    // The featured trace takes what the list's first rows and the buttons below it leave.
    try (BlockBudget.Reservation list = TraceListBlocks.reserve(listRows, budget);
        BlockBudget.Reservation buttons = budget.reserveFor(actions)) {
      SlackTraceBlocks.add(view, card.uiUrl(), content.backendName(), false, budget);
    }
    actions.forEach(budget::add);
    TraceListBlocks.add(
        others,
        notFetched,
        budget,
        content.actions().map(CardActions::traceValue).orElse(UnaryOperator.identity()));
    return new SlackMessage(
        fallback(headline + "\n" + summary + "\n" + view.rootCause()), budget.blocks());
  }

  /** Returns one trace with its full error path: the answer to "Show trace". */
  public SlackMessage trace(ShownTrace card, ZoneId agentZone, String backendName) {
    BlockBudget budget = BlockBudget.forMessage();
    TraceView view = TraceViews.of(card.analysis(), agentZone);
    SlackTraceBlocks.add(view, card.uiUrl(), backendName, true, budget);
    return new SlackMessage(
        fallback(view.headline() + "\n" + view.heading() + "\n" + view.rootCause()),
        budget.blocks());
  }

  /**
   * Returns the index of the first trace whose customer saw a failure, or 0 when none did: the
   * lookup already ranks them (failed, refused, recovered, succeeded; nearest the stated time).
   */
  static int featuredIndex(List<ShownTrace> traces) {
    for (int i = 0; i < traces.size(); i++) {
      if (traces.get(i).analysis().summary().hasError()) {
        return i;
      }
    }
    return 0;
  }

  private static List<TraceAnalysis> others(List<ShownTrace> traces, int featured) {
    List<TraceAnalysis> others = new ArrayList<>(traces.size());
    for (int i = 0; i < traces.size(); i++) {
      if (i != featured) {
        others.add(traces.get(i).analysis());
      }
    }
    return others;
  }

  private static List<String> warningLines(List<String> warnings) {
    List<String> lines =
        warnings.stream()
            .limit(MAX_WARNINGS)
            .map(w -> "⚠️ " + Texts.clip(w, MAX_WARNING))
            .collect(Collectors.toList());
    if (warnings.size() > MAX_WARNINGS) {
      lines.add("+" + TraceViews.count(warnings.size() - MAX_WARNINGS, "more warning"));
    }
    return lines;
  }

  /** Returns the notification text: Slack shows it where blocks cannot be, so it is escaped too. */
  private static String fallback(String text) {
    return Mrkdwn.escape(text.strip(), MAX_FALLBACK);
  }
}
