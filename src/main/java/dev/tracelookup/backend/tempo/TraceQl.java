package dev.tracelookup.backend.tempo;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Writes TraceQL text that Tempo's lexer reads back exactly as meant.
 *
 * <p>Tempo scans a query with Go's {@code text/scanner} and decodes each string literal with {@code
 * strconv.Unquote}, so literals follow Go's rules. A raw quote would end the literal early, and
 * since the scanner drops line and block comments outside strings, the rest of a hostile value
 * could rewrite the whole query. So every value is written as a double-quoted Go literal that
 * nothing inside can end.
 */
final class TraceQl {
  /** Tempo's query frontend refuses longer queries ({@code max_query_expression_size_bytes}). */
  static final int MAX_QUERY_BYTES = 128 * 1024;

  /**
   * Attribute names are written bare, so only characters that are plainly part of a name are let
   * through: no spaces, quotes, braces, operators or comment starts.
   */
  private static final Pattern ATTRIBUTE_NAME =
      Pattern.compile("[A-Za-z0-9_]+([.:-][A-Za-z0-9_]+)*");

  private static final HexFormat HEX = HexFormat.of();

  private TraceQl() {}

  /**
   * Returns the value as a Go double-quoted string literal: backslash, quote, newline, carriage
   * return and tab get their short escapes, other control and format characters Go's hex unicode
   * escapes; printable Unicode is kept as it is.
   *
   * @throws IllegalArgumentException when the value holds a lone surrogate, which no UTF-8 query
   *     can carry
   */
  static String string(String value) {
    StringBuilder literal = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      if (Character.getType(codePoint) == Character.SURROGATE) {
        throw new IllegalArgumentException("the text holds a lone surrogate at index " + i);
      }
      append(literal, codePoint);
      i += Character.charCount(codePoint);
    }
    return literal.append('"').toString();
  }

  /**
   * Returns the unscoped attribute reference {@code .name}, which Tempo checks on spans and
   * resources.
   */
  static String unscopedAttribute(String name) {
    if (!isAttributeName(name)) {
      throw new IllegalArgumentException("not a plain attribute name: " + name);
    }
    return "." + name;
  }

  /**
   * Returns whether the name can be written bare: words of letters, digits and '_' joined by '.',
   * ':' or '-'.
   */
  static boolean isAttributeName(String name) {
    return name != null && ATTRIBUTE_NAME.matcher(name).matches();
  }

  /** Returns whether Tempo would accept the query's length. */
  static boolean fitsTempo(String query) {
    // Cheap bound first: a UTF-16 unit never takes more than 3 bytes in UTF-8.
    return query.length() * 3L <= MAX_QUERY_BYTES
        || query.getBytes(StandardCharsets.UTF_8).length <= MAX_QUERY_BYTES;
  }

  private static void append(StringBuilder literal, int codePoint) {
    switch (codePoint) {
      case '"':
        literal.append("\\\"");
        break;
      case '\\':
        literal.append("\\\\");
        break;
      case '\n':
        literal.append("\\n");
        break;
      case '\r':
        literal.append("\\r");
        break;
      case '\t':
        literal.append("\\t");
        break;
      default:
        if (needsEscape(codePoint)) {
          appendUnicodeEscape(literal, codePoint);
        } else {
          literal.appendCodePoint(codePoint);
        }
    }
  }

  /**
   * Control characters break the scanner (a raw NUL is an error) or hide in logs; format characters
   * are invisible, and a byte-order mark inside a query is a scanner error.
   */
  private static boolean needsEscape(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  private static void appendUnicodeEscape(StringBuilder literal, int codePoint) {
    if (codePoint <= 0xFFFF) {
      literal.append("\\u").append(HEX.toHexDigits((char) codePoint));
    } else {
      literal.append("\\U").append(HEX.toHexDigits(codePoint));
    }
  }
}
