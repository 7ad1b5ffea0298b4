package dev.tracelookup.command;

/** Quotes the agent's words back in Slack mrkdwn without letting them break the formatting. */
final class Quoting {
  private static final int MAX_QUOTED = 40;

  private Quoting() {}

  /**
   * Returns the text as inline code, shortened, with backticks that would end the code replaced.
   */
  static String code(String text) {
    return "`" + plain(text).replace('`', '\'') + "`";
  }

  /** Returns the text shortened for a plain-text summary. */
  static String plain(String text) {
    if (text.length() <= MAX_QUOTED) {
      return text;
    }
    // Never cut an emoji or other surrogate pair in half: Slack shows a broken glyph.
    int end = Character.isHighSurrogate(text.charAt(MAX_QUOTED - 1)) ? MAX_QUOTED - 1 : MAX_QUOTED;
    return text.substring(0, end) + "…";
  }
}
