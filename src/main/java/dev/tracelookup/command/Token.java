package dev.tracelookup.command;

import java.util.Locale;
import java.util.Objects;

/**
 * One word of the command, with how it was marked up.
 *
 * @param text the word as typed; for a link its URL, for a Slack mention the mention
 */
record Token(String text, Kind kind) {

  /** How a word arrived: plain, in quotes, or as Slack markup. */
  enum Kind {
    WORD,
    QUOTED,
    LINK,
    MENTION
  }

  Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
  }

  static Token word(String text) {
    return new Token(text, Kind.WORD);
  }

  /** Returns the text in lower case, the form keywords are matched in. */
  String lower() {
    return text.toLowerCase(Locale.ROOT);
  }
}
