package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds cloud secret keys written bare, without a key name to give them away: AWS secret access
 * keys (40 characters of base64) and Azure storage account keys (86 characters and {@code ==}).
 *
 * <p>A 40-character stretch counts only with the mix a random key has: at least four capitals, four
 * small letters and a digit, and twenty different characters. Git hashes (lower-case hex), class
 * paths ({@code com/acme/…}, no digit) and digests of other lengths stay. About one AWS key in a
 * thousand has no digit and is missed.
 */
final class CloudSecretKeys implements Detector {
  private static final int AWS_SECRET_LENGTH = 40;
  private static final int AZURE_KEY_LENGTH = 86;
  private static final int MIN_CAPITALS = 4;
  private static final int MIN_SMALL = 4;
  private static final int MIN_DISTINCT = 20;

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!isKeyChar(text.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < text.length() && isKeyChar(text.charAt(end))) {
        end++;
      }
      if (end - i == AZURE_KEY_LENGTH && text.startsWith("==", end) && !continues(text, end + 2)) {
        found.add(new Finding(i, end + 2));
      } else if (end - i == AWS_SECRET_LENGTH
          && standsAlone(text, i, end)
          && looksRandom(text, i, end)) {
        found.add(new Finding(i, end));
      }
      i = end;
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return SecretPatterns.REDACTED;
  }

  private static boolean standsAlone(String text, int start, int end) {
    boolean before = start == 0 || "_-.%".indexOf(text.charAt(start - 1)) < 0;
    return before
        && !continues(text, end)
        && text.charAt(start) != '/'
        && text.charAt(end - 1) != '/';
  }

  /** Returns whether the text goes on at {@code i} as part of a longer token. */
  private static boolean continues(String text, int i) {
    if (i >= text.length()) {
      return false;
    }
    char next = text.charAt(i);
    if (next == '.' || next == '-') {
      return i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
    }
    return next == '_' || next == '=' || next == '%' || Character.isLetterOrDigit(next);
  }

  private static boolean looksRandom(String text, int start, int end) {
    int capitals = 0;
    int small = 0;
    int digits = 0;
    boolean[] seen = new boolean[128];
    int distinct = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      capitals += c >= 'A' && c <= 'Z' ? 1 : 0;
      small += c >= 'a' && c <= 'z' ? 1 : 0;
      digits += c >= '0' && c <= '9' ? 1 : 0;
      if (!seen[c]) {
        seen[c] = true;
        distinct++;
      }
    }
    return capitals >= MIN_CAPITALS
        && small >= MIN_SMALL
        && digits >= 1
        && distinct >= MIN_DISTINCT;
  }

  private static boolean isKeyChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '/'
        || c == '+';
  }
}
