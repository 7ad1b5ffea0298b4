package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds email addresses: a local part, {@code @} (or {@code %40}, URL-encoded), and a dotted
 * domain whose last label is alphabetic. Hosts without such a label stay: {@code
 * deploy@10.0.0.5}, {@code root@db-1}, {@code lodash@4.17.21}, {@code Object@6d06d69c}. An SSH
 * remote like {@code git@github.com} has an email's shape and is masked: telling them apart would
 * mean guessing.
 *
 * <p>The whole address is masked, domain included: a personal domain names its owner as surely as
 * the local part does.
 */
final class EmailAddresses implements Detector {
  static final String MASK = "[email]";

  private static final int MAX_USER_LENGTH = 64;
  // The domain is checked in code: a repeated (label\.)+ group recurses in java.util.regex.
  private static final Pattern CANDIDATE =
      Pattern.compile("(?<![\\w.+-])[\\w.+-]++(?:@|%40)([A-Za-z0-9.-]++)");

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    if (text.indexOf('@') < 0 && !text.contains("%40")) {
      return found;
    }
    Matcher matcher = CANDIDATE.matcher(text);
    boolean candidate = matcher.find();
    while (candidate) {
      int end = domainEnd(text, matcher.start(1), matcher.end(1));
      if (end > 0 && !isUrlPassword(text, matcher.start())) {
        found.add(new Finding(matcher.start(), end));
        // The next pass sees "]" before what follows, so an address may start right here.
        matcher.region(end, text.length()).useTransparentBounds(false);
      } else {
        // "x@jane@acme.io": the rejected domain may be the local part of the real address.
        matcher.region(matcher.start(1), text.length()).useTransparentBounds(true);
      }
      candidate = matcher.find();
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return MASK;
  }

  /**
   * Returns where the mail domain at the start of {@code [start, end)} ends, or -1 when there is
   * none: the domain runs to the last label that can be a top-level one (2 to 63 letters), so
   * "jane@acme.io." and "jane@acme.io.4242" both end after {@code io}.
   */
  static int domainEnd(String text, int start, int end) {
    if (!Character.isLetterOrDigit(text.charAt(start))) {
      return -1;
    }
    int domainEnd = -1;
    int label = start;
    for (int i = start; i <= end; i++) {
      if (i == end || text.charAt(i) == '.') {
        if (label > start && isTopLevelLabel(text, label, i)) {
          domainEnd = i;
        }
        label = i + 1;
      }
    }
    return domainEnd;
  }

  /**
   * Returns whether the local part at {@code start} is the password of a URL, {@code
   * postgres://app:s3cr3t@db.internal}: that one is masked as a password, and the host stays.
   */
  private static boolean isUrlPassword(String text, int start) {
    if (start == 0 || text.charAt(start - 1) != ':') {
      return false;
    }
    int stop = Math.max(2, start - 2 - MAX_USER_LENGTH);
    for (int i = start - 2; i >= stop; i--) {
      char c = text.charAt(i);
      if (c == '/') {
        return text.startsWith("://", i - 2);
      }
      if (Character.isWhitespace(c) || "?#@:\"'".indexOf(c) >= 0) {
        return false;
      }
    }
    return false;
  }

  private static boolean isTopLevelLabel(String text, int start, int end) {
    if (end - start < 2 || end - start > 63) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }
}
