package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds payment card numbers: 13 to 19 digits that start with 2 to 6, like every major network's
 * numbers, and pass the Luhn check. They may be written whole or in groups split by single spaces,
 * dashes, dots or underscores (or an ideographic space or full-width dash), a first group of four
 * and then groups of three to six (4-4-4-4, 4-6-5, 4-4-4-4-3). Digits are any script's decimal
 * digits, so the full-width {@code ４２４２} that Japanese and Chinese input methods type counts.
 * Everything else with many digits stays: order numbers, epoch timestamps (they start with 1),
 * phone numbers, Luhn failures.
 *
 * <p>Digits glued to letters are part of an identifier ({@code ab4242…}, a hex trace ID) and stay;
 * Chinese, Japanese and Korean script does not separate words with spaces, so its letters do not
 * glue. Digits glued to {@link #BULLET} are the visible end of an earlier mask, and stay too.
 */
final class CardNumbers implements Detector {
  static final char BULLET = '•';
  private static final String HIDDEN_DIGITS = "••••";
  private static final int MIN_DIGITS = 13;
  private static final int MAX_DIGITS = 19;
  private static final String SEPARATORS = " -._\u3000\uFF0D";

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    List<Group> run = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      if (!isDigit(text.charAt(i))) {
        i++;
        continue;
      }
      Group group = groupAt(text, i);
      if (!run.isEmpty() && !joins(text, run.get(run.size() - 1), group)) {
        findIn(text, run, found);
        run.clear();
      }
      if (isGlued(text, group)) {
        findIn(text, run, found);
        run.clear();
      } else {
        run.add(group);
      }
      i = group.end();
    }
    findIn(text, run, found);
    return found;
  }

  /** Shows the last four digits, which is what PCI DSS allows and what support asks about. */
  @Override
  public String mask(String found) {
    String digits = asciiDigits(found, 0, found.length());
    return HIDDEN_DIGITS + digits.substring(Math.max(0, digits.length() - 4));
  }

  /**
   * Adds every card in a run of digit groups. A number may start at any group, and when two
   * readings overlap both are reported: the redactor masks their union, so neither can leak.
   */
  private static void findIn(String text, List<Group> run, List<Finding> found) {
    for (int first = 0; first < run.size(); first++) {
      Group group = run.get(first);
      if (group.length() >= MIN_DIGITS && group.length() <= MAX_DIGITS) {
        if (isCardNumber(asciiDigits(text, group.start(), group.end()))) {
          found.add(new Finding(group.start(), group.end()));
        }
      } else if (group.length() == 4) {
        addLongestGrouped(text, run, first, found);
      }
    }
  }

  /** Adds the longest card written as groups from {@code run[first]}, one separator throughout. */
  private static void addLongestGrouped(
      String text, List<Group> run, int first, List<Finding> found) {
    Group start = run.get(first);
    StringBuilder digits =
        new StringBuilder(MAX_DIGITS).append(asciiDigits(text, start.start(), start.end()));
    int end = -1;
    for (int next = first + 1; next < run.size(); next++) {
      Group group = run.get(next);
      boolean sameSeparator = text.charAt(group.start() - 1) == text.charAt(start.end());
      if (group.length() < 3
          || group.length() > 6
          || !sameSeparator
          || digits.length() + group.length() > MAX_DIGITS) {
        break;
      }
      digits.append(asciiDigits(text, group.start(), group.end()));
      if (digits.length() >= MIN_DIGITS && isCardNumber(digits)) {
        end = group.end();
      }
    }
    if (end > 0) {
      found.add(new Finding(start.start(), end));
    }
  }

  /** Returns whether the digits have a card network's first digit and a valid Luhn check digit. */
  static boolean isCardNumber(CharSequence digits) {
    char network = digits.charAt(0);
    if (network < '2' || network > '6') {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < digits.length(); i++) {
      int digit = digits.charAt(digits.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }

  private static Group groupAt(String text, int start) {
    int end = start;
    while (end < text.length() && isDigit(text.charAt(end))) {
      end++;
    }
    return new Group(start, end);
  }

  /** Returns whether the group continues the run after a single separator. */
  private static boolean joins(String text, Group previous, Group group) {
    return group.start() == previous.end() + 1
        && SEPARATORS.indexOf(text.charAt(previous.end())) >= 0;
  }

  private static boolean isGlued(String text, Group group) {
    return (group.start() > 0 && isGlue(text.charAt(group.start() - 1)))
        || (group.end() < text.length() && isGlue(text.charAt(group.end())));
  }

  private static boolean isGlue(char c) {
    return (Character.isLetter(c) && !isSpacelessScript(c)) || c == BULLET;
  }

  private static boolean isSpacelessScript(char c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  private static boolean isDigit(char c) {
    return Character.isDigit(c);
  }

  /** Returns the decimal digits of {@code text[start, end)} as ASCII, whatever their script. */
  private static String asciiDigits(String text, int start, int end) {
    StringBuilder digits = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      int digit = Character.digit(text.charAt(i), 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      }
    }
    return digits.toString();
  }

  /** A maximal run of ASCII digits, {@code [start, end)}. */
  private record Group(int start, int end) {
    int length() {
      return end - start;
    }
  }
}
