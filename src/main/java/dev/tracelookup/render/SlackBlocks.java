package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.stream.Collectors;

/** The few block shapes every message here is made of, with untrusted text escaped. */
final class SlackBlocks {
  private static final int MAX_NOTE = 500;

  private SlackBlocks() {}

  /** Returns a section showing mrkdwn that is already escaped and within the section limit. */
  static LayoutBlock mrkdwnSection(String mrkdwn) {
    return section(s -> s.text(Mrkdwn.text(mrkdwn)));
  }

  /**
   * Returns a context block (small grey text) of one-line plain texts; callers pass at most ten.
   */
  static LayoutBlock notes(List<String> texts) {
    List<ContextBlockElement> elements =
        texts.stream()
            .map(t -> (ContextBlockElement) Mrkdwn.text(Mrkdwn.escape(Texts.oneLine(t), MAX_NOTE)))
            .collect(Collectors.toList());
    return context(elements);
  }
}
