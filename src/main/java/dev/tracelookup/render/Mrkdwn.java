package dev.tracelookup.render;

import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.List;

/**
 * Slack mrkdwn for text we do not control: span names, exception messages, user labels.
 *
 * <p>Escaping {@code &}, {@code <} and {@code >} is what stops {@code <@U123>}, {@code <!channel>}
 * and {@code <http://x|y>} from becoming mentions and links; {@code verbatim} stops Slack from
 * turning bare URLs, channel names and {@code @here} into links or mentions on its own.
 */
final class Mrkdwn {
  private static final String FENCE = "```";

  private Mrkdwn() {}

  /** Returns a mrkdwn text object that Slack shows as written, without auto-linking. */
  static MarkdownTextObject text(String mrkdwn) {
    return MarkdownTextObject.builder().text(mrkdwn).verbatim(true).build();
  }

  /** Returns the text escaped for mrkdwn. */
  static String escape(String raw) {
    return escape(raw, Integer.MAX_VALUE);
  }

  /**
   * Returns the text escaped for mrkdwn and cut to at most {@code max} characters (counted after
   * escaping), ending in "…" when cut; an entity such as {@code &amp;} is never split.
   */
  static String escape(String raw, int max) {
    StringBuilder out = new StringBuilder(Math.min(raw.length() + 16, 4_096));
    int room = max - Texts.ELLIPSIS.length();
    for (int i = 0; i < raw.length(); ) {
      int codePoint = raw.codePointAt(i);
      String entity = entity(codePoint);
      int next = i + Character.charCount(codePoint);
      boolean last = next == raw.length();
      int width = entity == null ? next - i : entity.length();
      if (out.length() + width > (last ? max : room)) {
        return out.append(Texts.ELLIPSIS).toString();
      }
      if (entity == null) {
        // Every card escapes each span name and message: a String per character showed in profiles.
        out.append(raw, i, next);
      } else {
        out.append(entity);
      }
      i = next;
    }
    return out.toString();
  }

  /**
   * Returns the lines as a mrkdwn code block of at most {@code max} characters. Backticks become
   * look-alikes so that a frame cannot close the block and let the rest be read as mrkdwn.
   */
  static String codeBlock(List<String> lines, int max) {
    String body = escape(String.join("\n", lines).replace('`', 'ˋ'), max - 2 * FENCE.length() - 2);
    return FENCE + "\n" + body + "\n" + FENCE;
  }

  /** Returns the entity that stands for the character, or null when it is written as it is. */
  private static String entity(int codePoint) {
    switch (codePoint) {
      case '&':
        return "&amp;";
      case '<':
        return "&lt;";
      case '>':
        return "&gt;";
      default:
        return null;
    }
  }
}
