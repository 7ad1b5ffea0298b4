package dev.tracelookup.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits command text into tokens and undoes Slack's markup on the way: {@code <url|label>} links,
 * {@code <mailto:..|..>} addresses, {@code <@U123>} mentions and the {@code &amp;}-style escapes.
 * Double quotes (straight or curly) keep a name with spaces together: {@code action "POST
 * /orders"}.
 */
final class CommandTokenizer {
  private static final Pattern KEY_VALUE = Pattern.compile("(-{0,2}[A-Za-z][A-Za-z_-]*)=(.*)");

  private CommandTokenizer() {}

  /** Returns the tokens of the text; none for null or blank text. */
  static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    int index = 0;
    while (index < text.length()) {
      char c = text.charAt(index);
      if (isSeparator(c)) {
        index++;
      } else if (c == '<' && isMarkup(text, index)) {
        index = readMarkup(text, index, tokens);
      } else if (c == '"' || c == '“') {
        index = readQuoted(text, index, tokens);
      } else {
        index = readWord(text, index, tokens);
      }
    }
    return tokens;
  }

  private static int readMarkup(String text, int start, List<Token> tokens) {
    int end = text.indexOf('>', start);
    String inner = text.substring(start + 1, end);
    int bar = inner.indexOf('|');
    String target = bar < 0 ? inner : inner.substring(0, bar);
    if (target.startsWith("mailto:")) {
      tokens.add(Token.word(target.substring("mailto:".length())));
    } else if (target.startsWith("@") || target.startsWith("#") || target.startsWith("!")) {
      tokens.add(new Token(bar < 0 ? target : inner.substring(bar + 1), Token.Kind.MENTION));
    } else {
      tokens.add(new Token(target, Token.Kind.LINK));
    }
    return end + 1;
  }

  /**
   * Returns whether a {@code <} opens Slack markup: a target without spaces, then {@code |} or
   * {@code >}.
   */
  private static boolean isMarkup(String text, int start) {
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '>' || c == '|') {
        return i > start + 1 && text.indexOf('>', i) > 0;
      }
      if (isSeparator(c)) {
        return false;
      }
    }
    return false;
  }

  private static int readQuoted(String text, int start, List<Token> tokens) {
    int end = start + 1;
    while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) != '”') {
      end++;
    }
    String quoted = clean(text.substring(start + 1, end)).strip();
    if (!quoted.isEmpty()) {
      tokens.add(new Token(quoted, Token.Kind.QUOTED));
    }
    return end + 1;
  }

  private static int readWord(String text, int start, List<Token> tokens) {
    int end = start;
    while (end < text.length() && !isSeparator(text.charAt(end))) {
      end++;
    }
    String word = clean(text.substring(start, end));
    Matcher keyValue = KEY_VALUE.matcher(word);
    if (keyValue.matches()) {
      tokens.add(Token.word(keyValue.group(1)));
      word = keyValue.group(2);
    }
    if (!word.isEmpty()) {
      tokens.add(Token.word(word));
    }
    return end;
  }

  /** Returns the text without invisible format characters and with Slack's escapes undone. */
  private static String clean(String text) {
    StringBuilder visible = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A zero-width space pasted from a ticket would otherwise make "usr_1" an unknown ID.
      if (Character.getType(c) != Character.FORMAT && !Character.isISOControl(c)) {
        visible.append(c);
      }
    }
    return visible.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static boolean isSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }
}
