package dev.tracelookup.time;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which number comes first in a short date such as {@code 2/6}: the month (US, {@code MDY}) or the
 * day (most of the world, {@code DMY}). Dates with a month name ({@code Feb 6}, {@code 6 Feb}) and
 * ISO dates never depend on it.
 */
public enum DateOrder {
  /** {@code 2/6} is February 6. */
  MDY,
  /** {@code 2/6} is June 2. */
  DMY;

  /** Countries whose people write the month first, as the United States does. */
  private static final Set<String> MONTH_FIRST_COUNTRIES = Set.of("US", "PH", "FM", "MH", "PW");

  /** Returns the order named in config ({@code MDY} or {@code DMY}, any case), if it is one. */
  public static Optional<DateOrder> named(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String upper = text.strip().toUpperCase(Locale.ROOT);
    return upper.equals("MDY") || upper.equals("DMY")
        ? Optional.of(valueOf(upper))
        : Optional.empty();
  }

  /**
   * Returns the order people of a Slack locale such as {@code en-US} or {@code en-GB} write short
   * dates in: month first in the United States and the few countries that follow it, day first
   * elsewhere; empty when the locale names no country, as then it says nothing about dates.
   */
  public static Optional<DateOrder> ofLocale(String locale) {
    if (locale == null) {
      return Optional.empty();
    }
    String[] parts = locale.strip().replace('_', '-').split("-");
    if (parts.length < 2 || parts[1].isBlank()) {
      return Optional.empty();
    }
    boolean monthFirst = MONTH_FIRST_COUNTRIES.contains(parts[1].toUpperCase(Locale.ROOT));
    return Optional.of(monthFirst ? MDY : DMY);
  }
}
