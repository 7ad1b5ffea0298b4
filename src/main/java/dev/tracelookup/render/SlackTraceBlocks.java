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
  private static final int MAX_HEADLINE = 500;
  // About 14 rows of a phone-wide waterfall; the error path keeps the rest of the message.
  private static final int MAX_WATERFALL = 1_200;
  private static final int MAX_FRAMES_BLOCK = 2_000;

  private SlackTraceBlocks() {}

  /**
   * Adds the trace: heading, the headline (unless the card already opens with it), details, the
   * error path (elided around the culprit when the budget is short), the culprit's stack, the root
   * cause, the waterfall, footnotes and the "Open in" button.
   */
  static void add(
      TraceView view,
      Optional<String> uiUrl,
      String backendName,
      boolean withHeadline,
      BlockBudget budget) {
    budget.add(
        header(
            h ->
                h.text(plainText(Texts.truncate(view.heading(), BlockKitLimits.MAX_HEADER_TEXT)))));
    if (withHeadline) {
      budget.add(
          SlackBlocks.mrkdwnSection("*" + Mrkdwn.escape(view.headline(), MAX_HEADLINE) + "*"));
    }
    List<String> notes = new ArrayList<>(List.of(view.details()));
    notes.addAll(view.notes());
    budget.add(SlackBlocks.notes(notes));
    List<LayoutBlock> after = after(view, uiUrl, backendName, true, true);
    // The root cause matters more than the stack and the waterfall: drop them, in that order, to
    // keep it.
    if (cost(after) > budget.charsLeft()) {
      after = after(view, uiUrl, backendName, false, true);
    }
    if (cost(after) > budget.charsLeft()) {
      after = after(view, uiUrl, backendName, false, false);
    }
    List<String> lines =
        view.pathLines().stream()
            .map(l -> Mrkdwn.escape(l, MAX_PATH_LINE))
            .collect(Collectors.toList());
    List<String> chunks;
    try (BlockBudget.Reservation below = budget.reserveFor(after)) {
      chunks =
          LinePacker.pack(
              lines,
              view.culpritLine(),
              BlockKitLimits.MAX_SECTION_TEXT,
              budget.blocksLeft(),
              budget.charsLeft());
    }
    for (String chunk : chunks) {
      budget.add(SlackBlocks.mrkdwnSection(chunk));
    }
    after.forEach(budget::add);
  }

  /** Returns the blocks below the path, each optional. */
  private static List<LayoutBlock> after(
      TraceView view,
      Optional<String> uiUrl,
      String backendName,
      boolean withFrames,
      boolean withWaterfall) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (withFrames && !view.culpritFrames().isEmpty()) {
      String code = Mrkdwn.codeBlock(view.culpritFrames(), MAX_FRAMES_BLOCK);
      blocks.add(SlackBlocks.mrkdwnSection(code));
    }
    if (!view.rootCause().isEmpty()) {
      String rootCause = Mrkdwn.escape(view.rootCause(), MAX_ROOT_CAUSE);
      blocks.add(SlackBlocks.mrkdwnSection(rootCause));
    }
    String waterfall = withWaterfall ? Waterfall.codeBlock(view.timeline(), MAX_WATERFALL) : "";
    if (!waterfall.isEmpty()) {
      blocks.add(SlackBlocks.mrkdwnSection(waterfall));
    }
    if (!view.footnotes().isEmpty()) {
      blocks.add(SlackBlocks.notes(view.footnotes()));
    }
    openButton(uiUrl, backendName).ifPresent(blocks::add);
    return blocks;
  }

  private static int cost(List<LayoutBlock> blocks) {
    return blocks.stream().mapToInt(BlockKitLimits::textLength).sum();
  }

  private static Optional<LayoutBlock> openButton(Optional<String> uiUrl, String backendName) {
    // A cut URL would open the wrong page: leave the button out instead.
    Optional<String> url =
        uiUrl.filter(u -> !u.isBlank() && u.length() <= BlockKitLimits.MAX_BUTTON_URL);
    String label = Texts.clip("Open in " + backendName, BlockKitLimits.MAX_BUTTON_TEXT);
    return url.map(
        u ->
            actions(
                List.of(
                    button(
                        b -> b.text(plainText(label)).url(u).actionId(ActionId.OPEN_TRACE.id())))));
  }
}
