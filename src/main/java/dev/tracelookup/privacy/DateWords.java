package dev.tracelookup.privacy;

import java.util.Locale;
import java.util.Set;

/**
 * Extends a date value over the words that continue it: "12" → "12 March 1984", "Mar" → "Mar 12,
 * 1984".
 */
final class DateWords {
  private static final Set<String> MONTHS =
      Set.of(
          "jan",
          "feb",
          "mar",
          "apr",
          "may",
          "jun",
          "jul",
          "aug",
          "sep",
          "sept",
          "oct",
          "nov",
          "dec",
          "january",
          "february",
          "march",
          "april",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december");
  private static final String SEPARATORS = " ,./-";
  private static final int MAX_SEPARATORS = 2;
  private static final int MAX_NUMBER = 4;

  private DateWords() {}

  /** Returns the finding grown over each following word that a date goes on with. */
  static Finding extend(String text, Finding value) {
    int end = value.end();
    while (true) {
      int word = end;
      while (word < text.length()
          && word - end < MAX_SEPARATORS
          && SEPARATORS.indexOf(text.charAt(word)) >= 0) {
        word++;
      }
      int wordEnd = word;
      while (wordEnd < text.length() && isAsciiLetterOrDigit(text.charAt(wordEnd))) {
        wordEnd++;
      }
      if (word == end || wordEnd == word || !isDateWord(text.substring(word, wordEnd))) {
        return new Finding(value.start(), end);
      }
      end = wordEnd;
    }
  }

  /** Returns whether the word can be part of a date: a day, a year, 12th, or a month. */
  private static boolean isDateWord(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < lower.length() && Character.isDigit(lower.charAt(digits))) {
      digits++;
    }
    if (digits > 0 && digits <= MAX_NUMBER) {
      String suffix = lower.substring(digits);
      return suffix.isEmpty() || Set.of("st", "nd", "rd", "th").contains(suffix);
    }
    return digits == 0 && MONTHS.contains(lower);
  }

  private static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
