package dev.tracelookup.render;

import java.util.regex.Pattern;

/** Makes untrusted text fit on one line and within a length, for any output format. */
final class Texts {
  static final String ELLIPSIS = "…";
  private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\p{Cntrl}]+");
  private static final int SHORT_ID_LENGTH = 8;
  private static final int PADDED_ID_LENGTH = 32;
  private static final String ZERO_HIGH_HALF = "0".repeat(16);

  private Texts() {}

  /** Returns the text with line breaks, tabs and control characters collapsed to single spaces. */
  static String oneLine(String text) {
    return WHITESPACE_RUN.matcher(text).replaceAll(" ").strip();
  }

  /** Returns whether the text, which may be null, has anything but whitespace. */
  static boolean present(String text) {
    return text != null && !text.isBlank();
  }

  /** Returns {@link #oneLine} cut to at most {@code max} characters, ending in "…" when cut. */
  static String clip(String text, int max) {
    return truncate(oneLine(text), max);
  }

  /** Returns the text cut to at most {@code max} characters, ending in "…" when cut. */
  static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - ELLIPSIS.length());
    // Never leave half of a surrogate pair: Slack rejects malformed UTF-16 and terminals show junk.
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + ELLIPSIS;
  }

  /**
   * Returns the first 8 significant characters of a trace ID followed by "…", as the cards name
   * traces. A 64-bit ID (Zipkin, Brave) comes left-padded to 32 hex characters, so when its first
   * 16 are zeros the last 16 are the ID and the short form starts there: otherwise every such trace
   * would read "00000000…". Links and buttons keep the full ID.
   */
  static String shortId(String traceId) {
    String id = oneLine(traceId);
    if (id.length() == PADDED_ID_LENGTH && id.startsWith(ZERO_HIGH_HALF)) {
      id = id.substring(ZERO_HIGH_HALF.length());
    }
    return id.length() <= SHORT_ID_LENGTH ? id : id.substring(0, SHORT_ID_LENGTH) + ELLIPSIS;
  }
}
