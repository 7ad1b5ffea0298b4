package dev.tracelookup.command;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Reads the customer's user ID: the first word no other reader took. Any later such word is
 * unknown, and an everyday word ("can", "Customer") is never an ID, so pasted prose goes on to be
 * read as prose ({@link PastedText}). Runs last, and always takes the token, so reading always
 * moves on.
 */
final class UserIdReader implements ClauseReader {
  static final String NOT_AN_ID =
      "Which customer? I found no user ID. Give it first, e.g. `/trace-lookup usr_k8x9m2 2:15pm`,"
          + " or paste the sentence that names it (\"customer usr_k8x9m2 …\").";

  private final UserIdRule rule;

  UserIdReader(UserIdRule rule) {
    this.rule = rule;
  }

  @Override
  public boolean read(TokenCursor in, CommandDraft draft) {
    Token token = unlabelled(in.token(0));
    in.advance(1);
    if (token.kind() == Token.Kind.LINK || looksLikeUrl(token.text())) {
      draft.failAsCommand(
          Quoting.code(token.text())
              + " is a link. The slash command needs the customer's user ID, e.g. `/trace-lookup"
              + " usr_k8x9m2 2:15pm`. For a ticket link, use the *Find traces* shortcut on the"
              + " message that has it.");
    } else if (token.kind() == Token.Kind.MENTION || typedHandle(token)) {
      draft.failAsCommand(
          Quoting.code(token.text())
              + " is someone in Slack. The command needs the customer's user ID "
              + "in the product, e.g. `/trace-lookup usr_k8x9m2 2:15pm`.");
    } else if (draft.userId().isPresent()) {
      draft.unknownWord(token.text());
    } else if (ProseWords.common(token.text())) {
      // "can" in "@trace-lookup can you check this?" fits a permissive pattern, but is no ID.
      draft.failAsCommand(NOT_AN_ID);
    } else if (rule.accepts(token.text())) {
      draft.userId(token.text());
    } else {
      draft.failAsCommand(rule.problem(token.text()));
    }
    return true;
  }

  /**
   * Returns whether the word is a Slack handle typed as plain text ({@code @trace-lookup}, pasted
   * from a client that did not turn it into a mention); an e-mail address has its {@code @} inside.
   */
  private static boolean typedHandle(Token token) {
    return token.kind() == Token.Kind.WORD
        && token.text().startsWith("@")
        && token.text().indexOf('@', 1) < 0;
  }

  /** Returns the token without a label written onto it: {@code id:usr_1} is {@code usr_1}. */
  private Token unlabelled(Token token) {
    Matcher labelled = PastedWords.LABELLED.matcher(token.text());
    boolean strip =
        token.kind() == Token.Kind.WORD && labelled.matches() && rule.accepts(labelled.group(1));
    return strip ? Token.word(labelled.group(1)) : token;
  }

  private static boolean looksLikeUrl(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.");
  }
}
