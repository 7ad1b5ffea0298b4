package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The preview Slack shows under a pasted trace link (a link unfurl): what the customer saw, the
 * error path cut to a few lines around the culprit, the root cause and the link. Everyone in the
 * channel reads it, in their own zone, so times are in UTC; it is small on purpose, the full card
 * being one "Show trace" away.
 */
public final class TracePreview {
  private static final int MAX_PATH_LINES = 8;
  private static final int MAX_PATH_LINE = 300;
  private static final int MAX_HEADLINE = 500;
  private static final int MAX_ROOT_CAUSE = 1_000;

  private TracePreview() {}

  /** Returns the preview of the trace; its link, when given, opens the trace's page. */
  public static SlackMessage of(ShownTrace trace, String backendName) {
    TraceView view = TraceViews.of(trace.analysis(), ZoneOffset.UTC);
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(SlackBlocks.mrkdwnSection("*" + Mrkdwn.escape(view.headline(), MAX_HEADLINE) + "*"));
    blocks.add(SlackBlocks.notes(List.of(view.heading())));
    List<String> path = around(view.pathLines(), view.culpritLine());
    if (!path.isEmpty()) {
      blocks.add(
          SlackBlocks.mrkdwnSection(
              Mrkdwn.codeBlock(
                  path.stream()
                      .map(line -> Texts.clip(line, MAX_PATH_LINE))
                      .collect(Collectors.toList()),
                  BlockKitLimits.MAX_SECTION_TEXT)));
    }
    if (!view.rootCause().isEmpty()) {
      blocks.add(SlackBlocks.mrkdwnSection(Mrkdwn.escape(view.rootCause(), MAX_ROOT_CAUSE)));
    }
    trace
        .uiUrl()
        .filter(url -> url.length() <= BlockKitLimits.MAX_BUTTON_URL)
        .ifPresent(
            url ->
                blocks.add(
                    actions(
                        List.of(
                            button(
                                b ->
                                    b.text(
                                            plainText(
                                                Texts.clip(
                                                    "Open in " + backendName,
                                                    BlockKitLimits.MAX_BUTTON_TEXT)))
                                        .url(url)
                                        .actionId(ActionId.OPEN_TRACE.id()))))));
    String fallback = view.headline() + (view.rootCause().isEmpty() ? "" : "\n" + view.rootCause());
    return new SlackMessage(Texts.clip(fallback, 1_000), blocks);
  }

  /** Returns the one-line preview of a trace the backend does not have (expired, mistyped). */
  public static SlackMessage missing(String traceId, String backendName) {
    String text =
        backendName + " has no trace " + Texts.shortId(traceId) + ": it may have expired.";
    return new SlackMessage(text, List.of(SlackBlocks.notes(List.of(text))));
  }

  /** Returns the path lines nearest the culprit, at most {@link #MAX_PATH_LINES}, entry first. */
  private static List<String> around(List<String> lines, int culprit) {
    if (lines.size() <= MAX_PATH_LINES) {
      return lines;
    }
    int end = Math.min(lines.size(), Math.max(culprit + 2, MAX_PATH_LINES));
    List<String> shown = new ArrayList<>();
    shown.add(lines.get(0));
    shown.add("  …");
    shown.addAll(lines.subList(end - (MAX_PATH_LINES - 2), end));
    return shown;
  }
}
