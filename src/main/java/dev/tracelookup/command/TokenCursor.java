package dev.tracelookup.command;

import java.util.List;
import java.util.stream.Collectors;

/** Walks the tokens left to right; readers look ahead before they take. */
final class TokenCursor {
  private final List<Token> tokens;
  private int position;

  TokenCursor(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  boolean hasMore() {
    return position < tokens.size();
  }

  /** Returns the token {@code ahead} places on; callers check {@link #hasMore()} for the first. */
  Token token(int ahead) {
    return tokens.get(position + ahead);
  }

  /**
   * Returns the lower-cased text of a plain word {@code ahead} places on, or "" when there is no
   * token there or it was quoted or marked up, so keywords never match a quoted name or a link.
   */
  String word(int ahead) {
    int index = position + ahead;
    if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.WORD) {
      return "";
    }
    return tokens.get(index).lower();
  }

  /** Returns the next {@code count} tokens as typed, joined by spaces. */
  String typed(int count) {
    int end = Math.min(tokens.size(), position + count);
    return tokens.subList(position, end).stream().map(Token::text).collect(Collectors.joining(" "));
  }

  /** Returns how many tokens have been taken. */
  int position() {
    return position;
  }

  void advance(int count) {
    position = Math.min(tokens.size(), position + count);
  }
}
