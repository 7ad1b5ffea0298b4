package dev.tracelookup.backend.tempo;

/**
 * How Tempo's TraceQL lexer reads a double-quoted string, written out from Go's sources: {@code
 * text/scanner} finds where the literal ends (Scanner.scanString, scanEscape; a raw newline or NUL
 * is an error, and so is a byte-order mark) and {@code strconv.Unquote} decodes it (UnquoteChar).
 *
 * <p>Octal and {@code \x} escapes are left out: they produce raw bytes, which {@link TraceQl} never
 * writes, so meeting one fails the test.
 */
final class GoStringLiteral {
  private GoStringLiteral() {}

  /** Thrown where Go would report a syntax error. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError(String problem, int index) {
      super(problem + " at index " + index);
    }
  }

  /**
   * Returns the index just after the string literal that starts at {@code start}, as {@code
   * text/scanner} scans it: everything up to there is one token, whatever follows is more query.
   */
  static int scanEnd(String text, int start) {
    if (start >= text.length() || text.charAt(start) != '"') {
      throw new SyntaxError("no string literal", start);
    }
    int i = start + 1;
    while (true) {
      if (i >= text.length() || text.charAt(i) == '\n') {
        throw new SyntaxError("literal not terminated", i);
      }
      char c = text.charAt(i);
      if (c == 0 || c == '\uFEFF') {
        throw new SyntaxError(
            c == 0 ? "invalid character NUL" : "invalid BOM in the middle of the file", i);
      }
      if (c == '"') {
        return i + 1;
      }
      i = c == '\\' ? escapeEnd(text, i + 1) : i + 1;
    }
  }

  /** Decodes the literal as {@code strconv.Unquote} does; it must span the whole text. */
  static String unquote(String literal) {
    if (literal.length() < 2
        || literal.charAt(0) != '"'
        || literal.charAt(literal.length() - 1) != '"') {
      throw new SyntaxError("not a double-quoted literal", 0);
    }
    StringBuilder value = new StringBuilder();
    int end = literal.length() - 1;
    for (int i = 1; i < end; ) {
      char c = literal.charAt(i);
      if (c == '"' || c == '\n') {
        throw new SyntaxError("raw " + (c == '"' ? "quote" : "newline") + " inside the literal", i);
      }
      if (c != '\\') {
        value.append(c);
        i++;
        continue;
      }
      i = unescape(literal, i + 1, end, value);
    }
    return value.toString();
  }

  private static int escapeEnd(String text, int i) {
    if (i >= text.length()) {
      throw new SyntaxError("literal not terminated", i);
    }
    char c = text.charAt(i);
    if ("abfnrtv\\\"".indexOf(c) >= 0) {
      return i + 1;
    }
    if (c == 'u' || c == 'U') {
      int digits = c == 'u' ? 4 : 8;
      hex(text, i + 1, digits, text.length());
      return i + 1 + digits;
    }
    throw new SyntaxError("unknown escape sequence", i);
  }

  private static int unescape(String literal, int i, int end, StringBuilder value) {
    if (i >= end) {
      throw new SyntaxError("escape at the end", i);
    }
    char c = literal.charAt(i);
    int simple = "abfnrtv\\\"".indexOf(c);
    if (simple >= 0) {
      value.append("\u0007\b\f\n\r\t\u000b\\\"".charAt(simple));
      return i + 1;
    }
    if (c != 'u' && c != 'U') {
      throw new SyntaxError("escape not decoded by this test helper: \\" + c, i);
    }
    int digits = c == 'u' ? 4 : 8;
    int codePoint = hex(literal, i + 1, digits, end);
    if (codePoint > Character.MAX_CODE_POINT
        || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
      throw new SyntaxError("escape is not a valid rune", i);
    }
    value.appendCodePoint(codePoint);
    return i + 1 + digits;
  }

  private static int hex(String text, int from, int digits, int end) {
    if (from + digits > end) {
      throw new SyntaxError("short unicode escape", from);
    }
    long value = 0;
    for (int i = from; i < from + digits; i++) {
      char c = text.charAt(i);
      int digit = c < 128 ? Character.digit(c, 16) : -1;
      if (digit < 0) {
        throw new SyntaxError("not a hex digit", i);
      }
      value = value * 16 + digit;
    }
    return (int) Math.min(value, Integer.MAX_VALUE);
  }
}
