package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the password of {@code scheme://user:password@host}: everything between the first colon of
 * the user information and the URL's last {@code @}. Passwords hold {@code / ? # @ :} often enough
 * ({@code postgres://admin:pa/ss9w0rd@db}), and the drivers that read these URLs accept them, so
 * the last {@code @} is the only safe end. The user name, host and port stay.
 *
 * <p>A URL runs to the first whitespace, quote, angle bracket or backtick. A URL with an {@code @}
 * later in its path or query therefore loses that part to the mask too: more than needed, never
 * less. {@code host:8080/path@x} is a port and a path, not a password, and stays.
 */
final class UrlPasswords implements Detector {
  private static final String DELIMITERS = "\"'<>`";
  private static final int MAX_PORT_DIGITS = 5;

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    int runEnd = -1;
    int lastAt = -1;
    int from = 0;
    int separator;
    while ((separator = text.indexOf("://", from)) >= 0) {
      from = separator + 3;
      if (separator >= runEnd) {
        // Each run is measured once, which keeps "a://b:a://b:…" linear.
        runEnd = runEnd(text, separator);
        lastAt = text.lastIndexOf('@', runEnd - 1);
      }
      if (lastAt < from || !hasScheme(text, separator)) {
        continue;
      }
      int colon = userEnd(text, from, lastAt);
      if (colon >= 0 && colon + 1 < lastAt && !isPortAndPath(text, colon + 1, lastAt)) {
        found.add(new Finding(colon + 1, lastAt));
        // Nothing after the last @ of the run can be user information.
        from = runEnd;
      }
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return SecretPatterns.REDACTED;
  }

  /** Returns the positions of the {@code @} signs that end a URL password. */
  static Set<Integer> passwordEnds(String text) {
    Set<Integer> ends = new HashSet<>();
    for (Finding finding : new UrlPasswords().find(text)) {
      ends.add(finding.end());
    }
    return ends;
  }

  /** Returns where the user name's colon is, or -1 when the user information has none. */
  private static int userEnd(String text, int start, int lastAt) {
    for (int i = start; i < lastAt; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i;
      }
      if (c == '/' || c == '?' || c == '#') {
        return -1;
      }
    }
    return -1;
  }

  /** Returns whether {@code [start, end)} opens with a port and then a path: {@code 8080/x@y}. */
  private static boolean isPortAndPath(String text, int start, int end) {
    int i = start;
    while (i < end && i - start <= MAX_PORT_DIGITS && Character.isDigit(text.charAt(i))) {
      i++;
    }
    return i > start && i < end && "/?#".indexOf(text.charAt(i)) >= 0;
  }

  /**
   * Returns whether a scheme ({@code [A-Za-z][A-Za-z0-9+.-]*}) ends right before {@code separator}.
   */
  private static boolean hasScheme(String text, int separator) {
    int start = separator;
    while (start > 0 && isSchemeChar(text.charAt(start - 1))) {
      start--;
    }
    if (start == separator) {
      return false;
    }
    char first = text.charAt(start);
    return (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
  }

  private static boolean isSchemeChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '.'
        || c == '-';
  }

  private static int runEnd(String text, int from) {
    int end = from;
    while (end < text.length() && !isDelimiter(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isDelimiter(char c) {
    return Character.isWhitespace(c) || DELIMITERS.indexOf(c) >= 0;
  }
}
