package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ButtonElement;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceSummary;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The compact list of the other traces on a card: one section per trace, each with its own "Show
 * trace" button, so that every button can share the action ID {@link ActionId#SHOW_TRACE} (action
 * IDs only need to be unique within a block).
 */
final class TraceListBlocks {
  private static final int MAX_ROW = 300;
  private static final int MAX_NOTICE = 200;
  // The divider, the title and the "+N more" notice.
  private static final int FRAME_BLOCKS = 3;
  private static final int FRAME_CHARS = 20 + MAX_NOTICE;
  private static final int ROW_CHARS = MAX_ROW + "Show trace".length();

  private TraceListBlocks() {}

  /** Keeps room for the list's frame and its first {@code rows} rows, until it is closed. */
  static BlockBudget.Reservation reserve(int rows, BlockBudget budget) {
    return budget.reserve(FRAME_BLOCKS + rows, FRAME_CHARS + rows * ROW_CHARS);
  }

  /**
   * Adds a row per trace while the budget lasts, then "+N more traces" for those that did not fit
   * plus {@code notFetched}, the matches that were never fetched.
   */
  static void add(List<TraceAnalysis> traces, int notFetched, BlockBudget budget) {
    add(traces, notFetched, budget, UnaryOperator.identity());
  }

  /** Adds the list with each "Show trace" button carrying {@code value.apply(traceId)}. */
  static void add(
      List<TraceAnalysis> traces, int notFetched, BlockBudget budget, UnaryOperator<String> value) {
    if (traces.isEmpty() && notFetched == 0) {
      return;
    }
    budget.add(divider());
    budget.add(SlackBlocks.mrkdwnSection("*Other traces*"));
    int shown = 0;
    // Rows stop where the "+N more" notice would no longer fit.
    try (BlockBudget.Reservation notice = budget.reserve(1, MAX_NOTICE)) {
      while (shown < traces.size() && budget.add(row(traces.get(shown), value))) {
        shown++;
      }
    }
    int more = traces.size() - shown + notFetched;
    if (more > 0) {
      String notice =
          "+"
              + TraceViews.count(more, "more trace")
              + " not shown — narrow the window or add a filter to see them.";
      budget.add(SlackBlocks.notes(List.of(notice)));
    }
  }

  private static LayoutBlock row(TraceAnalysis analysis, UnaryOperator<String> value) {
    TraceSummary trace = analysis.summary();
    String text = Mrkdwn.escape(TraceRows.row(analysis, Texts.shortId(trace.traceId())), MAX_ROW);
    String buttonValue = value.apply(trace.traceId());
    // An ID this long is no trace ID any backend could look up: no button rather than a cut value.
    if (buttonValue.length() > BlockKitLimits.MAX_BUTTON_VALUE) {
      return SlackBlocks.mrkdwnSection(text);
    }
    return section(s -> s.text(Mrkdwn.text(text)).accessory(showButton(buttonValue)));
  }

  private static ButtonElement showButton(String value) {
    return button(
        b -> b.text(plainText("Show trace")).value(value).actionId(ActionId.SHOW_TRACE.id()));
  }
}
