package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Lays out one trace's {@link TraceView} as Block Kit blocks within a {@link BlockBudget}. */
final class SlackTraceBlocks {
  private static final int MAX_PATH_LINE = 600;
  private static final int MAX_ROOT_CAUSE = 2_000;
  private static final int MAX_FRAMES_BLOCK = 2_000;

  private SlackTraceBlocks() {}

  /**
   * Adds the trace: heading, details, the error path (elided around the culprit when the budget is
   * short), the culprit's stack, the root cause, footnotes and the "Open in" button.
   */
  static void add(TraceView view, Optional<String> uiUrl, String backendName, BlockBudget budget) {
    budget.add(
        header(h -> h.text(plainText(Texts.truncate(view.heading(), BlockRules.MAX_HEADER_TEXT)))));
    List<String> notes = new ArrayList<>(List.of(view.details()));
    notes.addAll(view.notes());
    budget.add(SlackBlocks.notes(notes));
    List<LayoutBlock> after = after(view, uiUrl, backendName);
    budget.reserveFor(after);
    List<String> lines =
        view.pathLines().stream()
            .map(l -> Mrkdwn.escape(l, MAX_PATH_LINE))
            .collect(Collectors.toList());
    List<String> chunks =
        LinePacker.pack(
            lines,
            view.culpritLine(),
            BlockRules.MAX_SECTION_TEXT,
            budget.blocksLeft(),
            budget.charsLeft());
    budget.release();
    for (String chunk : chunks) {
      budget.add(SlackBlocks.mrkdwnSection(chunk));
    }
    after.forEach(budget::add);
  }

  /** Returns the blocks below the path, each optional. */
  private static List<LayoutBlock> after(
      TraceView view, Optional<String> uiUrl, String backendName) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (!view.culpritFrames().isEmpty()) {
      String code = Mrkdwn.codeBlock(view.culpritFrames(), MAX_FRAMES_BLOCK);
      blocks.add(SlackBlocks.mrkdwnSection(code));
    }
    if (!view.rootCause().isEmpty()) {
      String rootCause = Mrkdwn.escape(view.rootCause(), MAX_ROOT_CAUSE);
      blocks.add(SlackBlocks.mrkdwnSection(rootCause));
    }
    if (!view.footnotes().isEmpty()) {
      blocks.add(SlackBlocks.notes(view.footnotes()));
    }
    openButton(uiUrl, backendName).ifPresent(blocks::add);
    return blocks;
  }

  private static Optional<LayoutBlock> openButton(Optional<String> uiUrl, String backendName) {
    // A cut URL would open the wrong page: leave the button out instead.
    Optional<String> url =
        uiUrl.filter(u -> !u.isBlank() && u.length() <= BlockRules.MAX_BUTTON_URL);
    String label = Texts.clip("Open in " + backendName, BlockRules.MAX_BUTTON_TEXT);
    return url.map(
        u ->
            actions(
                List.of(
                    button(
                        b ->
                            b.text(plainText(label))
                                .url(u)
                                .actionId(CardRenderer.OPEN_TRACE_ACTION)))));
  }
}
