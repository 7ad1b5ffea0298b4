package dev.tracelookup.command;

import java.util.Locale;

/**
 * Reads the customer's user ID: the first word no other reader took. Any later such word is
 * unknown. Runs last, and always takes the token, so reading always moves on.
 */
final class UserIdReader implements ClauseReader {
  private final UserIdRule rule;

  UserIdReader(UserIdRule rule) {
    this.rule = rule;
  }

  @Override
  public boolean read(TokenCursor in, CommandDraft draft) {
    Token token = in.token(0);
    in.advance(1);
    if (token.kind() == Token.Kind.LINK || looksLikeUrl(token.text())) {
      draft.fail(
          Quoting.code(token.text())
              + " is a link. The slash command needs the customer's user ID, e.g. `/trace-lookup"
              + " usr_k8x9m2 2:15pm`. For a ticket link, use the *Find traces* shortcut on the"
              + " message that has it.");
    } else if (token.kind() == Token.Kind.MENTION) {
      draft.fail(
          Quoting.code(token.text())
              + " is someone in Slack. The command needs the customer's user ID "
              + "in the product, e.g. `/trace-lookup usr_k8x9m2 2:15pm`.");
    } else if (draft.userId().isPresent()) {
      draft.unknownWord(token.text());
    } else if (rule.accepts(token.text())) {
      draft.userId(token.text());
    } else {
      draft.fail(rule.problem(token.text()));
    }
    return true;
  }

  private static boolean looksLikeUrl(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("www.");
  }
}
