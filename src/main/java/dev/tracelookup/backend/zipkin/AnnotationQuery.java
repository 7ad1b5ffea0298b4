package dev.tracelookup.backend.zipkin;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes Zipkin's {@code annotationQuery}, a language with no escaping at all: the server splits it
 * on {@code " and "}, splits each term at its first {@code =} into tag key and value, and trims
 * both. So only text that none of that can touch goes in, and the rest is refused.
 */
final class AnnotationQuery {
  /** Longer IDs are a paste accident, not an ID; they would also bloat every URL. */
  static final int MAX_ID_LENGTH = 128;

  private static final String SAFE_PUNCTUATION = "_.:@+-";
  private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

  private AnnotationQuery() {}

  /** Returns {@code key=userId}, followed by {@code and error} when only failing traces count. */
  static String of(String key, String userId, boolean errorsOnly) {
    return key + "=" + userId + (errorsOnly ? " and error" : "");
  }

  /** Returns whether a configured attribute key can stand in a query unescaped. */
  static boolean isSafeKey(String key) {
    return key != null && SAFE_KEY.matcher(key).matches();
  }

  /**
   * Returns why the user ID cannot be searched for, as a sentence for the support agent, or empty
   * when it is safe. The sentence names the offending character's kind, never the ID.
   */
  static Optional<String> refusal(String userId, String backend) {
    if (userId.isEmpty()) {
      return Optional.of(
          "The user ID is empty, so there is nothing to search "
              + backend
              + " for. Give the customer's user ID.");
    }
    if (userId.length() > MAX_ID_LENGTH) {
      return Optional.of(
          backend
              + " cannot search for IDs longer than "
              + MAX_ID_LENGTH
              + " characters, and this one has "
              + userId.length()
              + ". Check that only the user ID was pasted.");
    }
    return userId
        .codePoints()
        .filter(c -> !isSafe(c))
        .boxed()
        .findFirst()
        .map(
            c ->
                backend
                    + " cannot search for IDs containing "
                    + describe(c)
                    + ", because its annotation query cannot escape anything; only letters, digits"
                    + " and "
                    + String.join(" ", SAFE_PUNCTUATION.split(""))
                    + " are safe. "
                    + "Check the user ID for a typo or a paste accident.");
  }

  private static boolean isSafe(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || SAFE_PUNCTUATION.indexOf(c) >= 0;
  }

  private static String describe(int c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return "spaces or other whitespace";
    }
    if (c == '=') {
      return "'=' (it separates tag and value)";
    }
    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
      return "control characters";
    }
    if (c == '\'') {
      return "\"'\"";
    }
    if (c < 0x80) {
      return "'" + (char) c + "'";
    }
    return "non-ASCII characters such as U+" + String.format(Locale.ROOT, "%04X", c);
  }
}
