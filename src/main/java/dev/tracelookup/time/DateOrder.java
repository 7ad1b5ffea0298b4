package dev.tracelookup.time;

import java.util.Locale;
import java.util.Optional;

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
}
