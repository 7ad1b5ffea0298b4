package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds phone numbers in the three shapes that cannot be an order number:
 *
 * <ul>
 *   <li>international, {@code +} and 8 to 15 digits in groups: {@code +44 7700 900123}, {@code
 *       +1-415-555-2671}, {@code +44 (0)20 7946 0958};
 *   <li>national with the area code in parentheses: {@code (415) 555-2671};
 *   <li>national, 9 to 12 digits in groups with one kind of separator, right after a phone word
 *       ({@code phone}, {@code tel}, {@code mobile}, {@code cell}, {@code SMS}, {@code call},
 *       {@code fax}, {@code WhatsApp}, {@code MSISDN}), a few filler words allowed between: {@code
 *       SMS to 07700 900123}, {@code "phone_number":"4155552671"}.
 * </ul>
 *
 * <p>Digit groups without a plus, parentheses or a phone word stay: {@code order 415-555-2671} and
 * {@code invoice 020 7946 0958} read exactly like phone numbers, and a card that masks every order
 * number helps no one. That is the price of keeping them.
 */
final class PhoneNumbers implements Detector {
  static final String MASK = "[phone]";
  private static final int MIN_INTERNATIONAL = 8;
  private static final int MAX_INTERNATIONAL = 15;
  private static final int MIN_NATIONAL = 9;
  private static final int MAX_NATIONAL = 12;
  private static final int EPOCH_SECONDS_DIGITS = 10;
  private static final int MAX_AREA_CODE = 5;
  private static final Set<String> PHONE_WORDS =
      Set.of("tel", "cell", "sms", "call", "fax", "whatsapp", "msisdn", "telephone", "cellphone");
  private static final Set<String> FILLERS =
      Set.of("to", "number", "no", "nr", "num", "is", "at", "on", "via");
  private static final int MAX_CONTEXT_WORDS = 3;
  private static final int MAX_CONTEXT_CHARS = 40;

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = -1;
      if (c == '+' && freeBefore(text, i)) {
        end = international(text, i);
      } else if (c == '(' && freeBefore(text, i)) {
        end = parenthesised(text, i);
      } else if (isDigit(c) && freeBefore(text, i)) {
        Groups groups = groups(text, i, true);
        int start = i;
        end =
            groups.longest(
                text,
                1,
                0,
                MIN_NATIONAL,
                MAX_NATIONAL,
                (count, digits) ->
                    !(count == 1 && digits == EPOCH_SECONDS_DIGITS && text.charAt(start) == '1'));
        if (end < 0 || !afterPhoneWord(text, i)) {
          // Digits inside the run cannot start a number of their own.
          i = Math.max(i + 1, groups.end());
          continue;
        }
      }
      if (end > 0) {
        found.add(new Finding(i, end));
        i = end;
      } else {
        i++;
      }
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return MASK;
  }

  /** Returns where {@code +44 (0)20 7946 0958} starting at {@code plus} ends, or -1. */
  private static int international(String text, int plus) {
    if (plus + 1 >= text.length() || !isDigit(text.charAt(plus + 1))) {
      return -1;
    }
    return groups(text, plus + 1, false)
        .longest(text, 1, 0, MIN_INTERNATIONAL, MAX_INTERNATIONAL, (count, digits) -> true);
  }

  /** Returns where {@code (415) 555-2671} starting at {@code open} ends, or -1. */
  private static int parenthesised(String text, int open) {
    int close = open + 1;
    while (close < text.length() && isDigit(text.charAt(close)) && close - open <= MAX_AREA_CODE) {
      close++;
    }
    int area = close - open - 1;
    if (area < 2 || close >= text.length() || text.charAt(close) != ')') {
      return -1;
    }
    int rest = close + 1;
    if (rest < text.length() && (text.charAt(rest) == ' ' || text.charAt(rest) == '-')) {
      rest++;
    }
    if (rest >= text.length() || !isDigit(text.charAt(rest))) {
      return -1;
    }
    return groups(text, rest, true)
        .longest(text, 2, area, MIN_NATIONAL, MAX_NATIONAL + 1, (count, digits) -> true);
  }

  /**
   * Reads digit groups from {@code start}, separated by one space, dash or dot. Nationally one kind
   * of separator runs throughout; internationally a trunk prefix in parentheses may open a group.
   */
  private static Groups groups(String text, int start, boolean national) {
    int i = start;
    int digits = 0;
    List<int[]> stops = new ArrayList<>();
    char separator = 0;
    while (true) {
      int groupDigits = 0;
      if (!national && i < text.length() && text.charAt(i) == '(') {
        int close = i + 1;
        while (close < text.length() && isDigit(text.charAt(close)) && close - i <= 2) {
          close++;
        }
        if (close == i + 1 || close >= text.length() || text.charAt(close) != ')') {
          break;
        }
        groupDigits += close - i - 1;
        i = close + 1;
      }
      int run = i;
      while (i < text.length() && isDigit(text.charAt(i))) {
        i++;
      }
      groupDigits += i - run;
      if (groupDigits == 0) {
        break;
      }
      digits += groupDigits;
      stops.add(new int[] {i, digits});
      if (continuesAfterSeparator(text, i, national, separator)) {
        separator = text.charAt(i);
        i++;
      } else if (national || i >= text.length() || text.charAt(i) != '(') {
        break;
      }
    }
    return new Groups(start, stops);
  }

  private static boolean continuesAfterSeparator(
      String text, int i, boolean national, char separator) {
    if (i + 1 >= text.length() || " -.".indexOf(text.charAt(i)) < 0) {
      return false;
    }
    if (national) {
      return (separator == 0 || separator == text.charAt(i)) && isDigit(text.charAt(i + 1));
    }
    return isDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '(';
  }

  /** Returns whether a phone word comes right before {@code start}, filler words aside. */
  private static boolean afterPhoneWord(String text, int start) {
    int i = start;
    int limit = Math.max(0, start - MAX_CONTEXT_CHARS);
    for (int words = 0; words < MAX_CONTEXT_WORDS; words++) {
      while (i > limit && !isAsciiLetter(text.charAt(i - 1))) {
        i--;
      }
      int wordEnd = i;
      while (i > limit && isAsciiLetter(text.charAt(i - 1))) {
        i--;
      }
      String word = text.substring(i, wordEnd).toLowerCase(Locale.ROOT);
      if (word.isEmpty()) {
        return false;
      }
      if (isPhoneWord(word)) {
        return true;
      }
      if (!FILLERS.contains(word)) {
        return false;
      }
    }
    return false;
  }

  /** Returns whether the word names a phone: customerPhone and mobile_number count. */
  private static boolean isPhoneWord(String word) {
    return PHONE_WORDS.contains(word) || word.endsWith("phone") || word.endsWith("mobile");
  }

  private static boolean freeBefore(String text, int i) {
    if (i == 0) {
      return true;
    }
    char before = text.charAt(i - 1);
    return !Character.isLetterOrDigit(before)
        && before != '_'
        && before != '+'
        && before != '.'
        && before != '-';
  }

  private static boolean glued(String text, int end) {
    return end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** What a prefix of the groups must also be, given how many groups and digits it has. */
  private interface Shape {
    boolean fits(int groups, int digits);
  }

  /**
   * Digit groups read from {@code start}: after each group, where it ends and the digits so far.
   */
  private record Groups(int start, List<int[]> stops) {
    int end() {
      return stops.isEmpty() ? start : stops.get(stops.size() - 1)[0];
    }

    /**
     * Returns the end of the longest run of groups, at least {@code minGroups}, whose digits (plus
     * {@code extra}) are within bounds and that nothing glues on to, or -1: "+1 415 555 2671 3rd
     * try" is a number followed by "3rd", not an unreadable whole.
     */
    int longest(String text, int minGroups, int extra, int min, int max, Shape shape) {
      for (int k = stops.size(); k >= minGroups; k--) {
        int end = stops.get(k - 1)[0];
        int digits = stops.get(k - 1)[1] + extra;
        if (digits >= min && digits <= max && !glued(text, end) && shape.fits(k, digits)) {
          return end;
        }
      }
      return -1;
    }
  }
}
