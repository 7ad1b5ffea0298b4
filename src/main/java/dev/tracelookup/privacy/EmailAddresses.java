package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds email addresses: a local part, {@code @} (or {@code %40}, URL-encoded, or the full-width
 * {@code ＠} and small {@code ﹫} that East Asian input methods type), and a dotted domain whose last
 * label is alphabetic in any script ({@code .рф}, {@code .广告}) or punycode ({@code .xn--p1ai}).
 * Local parts and domains may be Unicode, and ideographic full stops separate labels as IDNA says
 * they do. Hosts without such a label stay: {@code deploy@10.0.0.5}, {@code root@db-1}, {@code
 * lodash@4.17.21}, {@code Object@6d06d69c}. An SSH remote like {@code git@github.com} has an
 * email's shape and is masked: telling them apart would mean guessing.
 *
 * <p>The whole address is masked, domain included: a personal domain names its owner as surely as
 * the local part does.
 */
final class EmailAddresses implements Detector {
  static final String MASK = "[email]";

  // The domain is checked in code: a repeated (label\.)+ group recurses in java.util.regex.
  private static final Pattern CANDIDATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}\\p{M}_.+-])[\\p{L}\\p{N}\\p{M}_.+-]++(?:@|＠|﹫|%40)([\\p{L}\\p{N}\\p{M}.。．｡-]++)");
  private static final String LABEL_SEPARATORS = ".。．｡";
  private static final String PUNYCODE = "xn--";

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    if (text.indexOf('@') < 0
        && text.indexOf('＠') < 0
        && text.indexOf('﹫') < 0
        && !text.contains("%40")) {
      return found;
    }
    Set<Integer> passwordEnds = UrlPasswords.passwordEnds(text);
    Matcher matcher = CANDIDATE.matcher(text);
    boolean candidate = matcher.find();
    while (candidate) {
      int end = domainEnd(text, matcher.start(1), matcher.end(1));
      if (end > 0 && !passwordEnds.contains(matcher.start(1) - atLength(text, matcher.start(1)))) {
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
      if (i == end || LABEL_SEPARATORS.indexOf(text.charAt(i)) >= 0) {
        if (label > start && isTopLevelLabel(text, label, i)) {
          domainEnd = i;
        }
        label = i + 1;
      }
    }
    return domainEnd;
  }

  /**
   * Returns how long the at sign before the domain at {@code domain} is: 3 for {@code %40}, else 1.
   */
  private static int atLength(String text, int domain) {
    return text.startsWith("%40", domain - 3) ? 3 : 1;
  }

  /**
   * Returns whether the label can be a top-level domain: 2 to 63 letters of one script, or
   * punycode.
   */
  private static boolean isTopLevelLabel(String text, int start, int end) {
    if (end - start < 2 || end - start > 63) {
      return false;
    }
    if (text.regionMatches(true, start, PUNYCODE, 0, PUNYCODE.length())) {
      return end - start > PUNYCODE.length() && isPunycode(text, start + PUNYCODE.length(), end);
    }
    for (int i = start; i < end; i++) {
      int type = Character.getType(text.charAt(i));
      boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
      if (!Character.isLetter(text.charAt(i)) && !(mark && i > start)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPunycode(String text, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z')
          && !(c >= 'A' && c <= 'Z')
          && !(c >= '0' && c <= '9')
          && c != '-') {
        return false;
      }
    }
    return true;
  }
}
