package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector made of one regular expression. The first capturing group that took part in a match is
 * what gets masked (so a key's prefix or a URL's user name can stay); without groups, the whole
 * match is.
 *
 * <p>To stay linear, patterns open with a negative lookbehind so that only the first character of a
 * run can start a match, use possessive quantifiers only, and never repeat a group: Java runs a
 * repeated group by recursion, which overflows the stack on long input. Text without the {@code
 * required} substring is not scanned at all, which is most text.
 */
final class PatternDetector implements Detector {
  private final String required;
  private final Pattern pattern;
  private final Predicate<String> accept;
  private final String mask;

  PatternDetector(String required, String regex, String mask) {
    this(required, regex, found -> true, mask);
  }

  /** A detector that only masks what {@code accept} agrees is a secret. */
  PatternDetector(String required, String regex, Predicate<String> accept, String mask) {
    this.required = required;
    this.pattern = Pattern.compile(regex);
    this.accept = accept;
    this.mask = mask;
  }

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    if (!text.contains(required)) {
      return found;
    }
    Matcher matcher = pattern.matcher(text);
    int from = 0;
    while (from < text.length() && matcher.find(from)) {
      int group = maskedGroup(matcher);
      if (matcher.end(group) > matcher.start(group) && accept.test(matcher.group(group))) {
        found.add(new Finding(matcher.start(group), matcher.end(group)));
        from = matcher.end();
      } else {
        // A refused match may hide the start of a real one ("Bearer Bearer abc…"): look again.
        from = matcher.start() + 1;
      }
    }
    return found;
  }

  @Override
  public String mask(String found) {
    return mask;
  }

  private static int maskedGroup(Matcher matcher) {
    for (int group = 1; group <= matcher.groupCount(); group++) {
      if (matcher.start(group) >= 0) {
        return group;
      }
    }
    return 0;
  }
}
