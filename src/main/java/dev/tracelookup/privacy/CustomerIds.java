package dev.tracelookup.privacy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds one customer's ID in text meant for a channel, and masks it. Services put the ID in URLs
 * ({@code /users/usr_k8x9m2/orders}), messages ({@code (user usr_k8x9m2)}) and span names, in any
 * case, URL-encoded, and, where they store a keyed hash of it, as that hash.
 *
 * <p>Each form is matched whatever its letter case, with any character written as itself or
 * percent-encoded ({@code %40} for {@code @}), a space also as {@code +}, and {@code & < >} also as
 * the entities mrkdwn escapes them to. The ID counts only where it stands apart: a letter or digit
 * right before or after it makes it part of another word ({@code usr_k8x9m2} is not in {@code
 * usr_k8x9m23}), except that a percent-encoded character before it ({@code %2F}) is a separator.
 * An ID that a service truncated, or encoded some other way (base64, JSON unicode escapes), is
 * not recognised.
 */
public final class CustomerIds {
  /** What replaces the ID. */
  public static final String MASK = "[customer]";

  private final Pattern pattern;

  private CustomerIds(Pattern pattern) {
    this.pattern = pattern;
  }

  /**
   * Returns the matcher of the ID an agent typed and of what the services store in its place.
   *
   * @param hasher how the services store IDs; when they hash them, the hash (with and without its
   *     prefix) is masked too
   */
  public static CustomerIds of(String typedId, UserIdHasher hasher) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(typedId);
    if (hasher.hashing()) {
      String stored = hasher.stored(typedId);
      forms.add(stored);
      forms.add(stored.substring(hasher.prefix().length()));
    }
    List<String> alternatives = new ArrayList<>();
    for (String form : forms) {
      if (!form.isBlank()) {
        alternatives.add(formPattern(form));
      }
    }
    return new CustomerIds(Pattern.compile(String.join("|", alternatives),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }

  /** Returns the text with every occurrence of the ID replaced by {@link #MASK}. */
  public String mask(String text) {
    if (text.isEmpty()) {
      return text;
    }
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(MASK)) : text;
  }

  /** Returns whether the ID appears in the text. */
  public boolean appearIn(String text) {
    return !text.isEmpty() && pattern.matcher(text).find();
  }

  private static String formPattern(String form) {
    StringBuilder regex = new StringBuilder();
    int first = form.codePointAt(0);
    int last = form.codePointBefore(form.length());
    if (Character.isLetterOrDigit(first)) {
      regex.append("(?:(?<![\\p{L}\\p{N}])|(?<=%[0-9A-Fa-f]{2}))");
    }
    regex.append("(?:");
    form.codePoints().forEach(codePoint -> regex.append(character(codePoint)));
    regex.append(')');
    if (Character.isLetterOrDigit(last)) {
      regex.append("(?![\\p{L}\\p{N}])");
    }
    return regex.toString();
  }

  /** Returns the ways one character of the ID may be written. */
  private static String character(int codePoint) {
    String literal = new String(Character.toChars(codePoint));
    List<String> ways = new ArrayList<>();
    ways.add(Pattern.quote(literal));
    StringBuilder encoded = new StringBuilder();
    for (byte b : literal.getBytes(StandardCharsets.UTF_8)) {
      encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
    }
    ways.add(Pattern.quote(encoded.toString()));
    switch (codePoint) {
      case ' ':
        ways.add("\\+");
        break;
      case '&':
        ways.add("&amp;");
        break;
      case '<':
        ways.add("&lt;");
        break;
      case '>':
        ways.add("&gt;");
        break;
      default:
        break;
    }
    return "(?:" + String.join("|", ways) + ")";
  }

  @Override
  public String toString() {
    // The pattern spells the ID out; it must not reach a log line.
    return "CustomerIds[****]";
  }
}
