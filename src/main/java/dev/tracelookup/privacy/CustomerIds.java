package dev.tracelookup.privacy;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds one customer's ID in text meant for a channel, and masks it. Services put the ID in URLs
 * ({@code /users/usr_k8x9m2/orders}), messages ({@code (user usr_k8x9m2)}) and span names, in any
 * case, URL-encoded, and, where they store a keyed hash of it, as that hash.
 *
 * <p>Each form is matched whatever its letter case, with any character written as itself or
 * percent-encoded ({@code %40} for {@code @}), a space also as {@code +}, and {@code & < >} also as
 * the entities mrkdwn escapes them to. The ID counts only where it stands apart: a letter or digit
 * right before or after it makes it part of another word ({@code usr_k8x9m2} is not in {@code
 * usr_k8x9m23}), except that a percent-encoded character before it ({@code %2F}) is a separator. An
 * ID that a service truncated, or encoded some other way (base64, JSON unicode escapes), is not
 * recognised.
 *
 * <p>The text is decoded and lower-cased once, then searched for each form: time linear in the text
 * for any text a backend can send, whatever the ID.
 */
public final class CustomerIds {
  /** What replaces the ID. */
  public static final String MASK = "[customer]";

  private final List<String> forms;

  private CustomerIds(List<String> forms) {
    this.forms = forms;
  }

  /**
   * Returns the matcher of the ID an agent typed and of what the services store in its place.
   *
   * @param hasher how the services store IDs; when they hash them, the hash (with and without its
   *     prefix) is masked too
   */
  public static CustomerIds of(String typedId, UserIdHasher hasher) {
    Set<String> written = new LinkedHashSet<>();
    written.add(typedId);
    if (hasher.hashing()) {
      String stored = hasher.stored(typedId);
      written.add(stored);
      written.add(stored.substring(hasher.prefix().length()));
    }
    Set<String> forms = new LinkedHashSet<>();
    for (String form : written) {
      if (!form.isBlank()) {
        forms.add(Decoded.of(form).text);
        // A form decodes its '+' as a '+', but a query string writes a space that way.
        forms.add(Decoded.of(form).text.replace(' ', '+'));
      }
    }
    return new CustomerIds(List.copyOf(forms));
  }

  /** Returns the text with every occurrence of the ID replaced by {@link #MASK}. */
  public String mask(String text) {
    List<int[]> found = find(text);
    if (found.isEmpty()) {
      return text;
    }
    StringBuilder masked = new StringBuilder(text.length());
    int copied = 0;
    for (int[] range : found) {
      masked.append(text, copied, range[0]).append(MASK);
      copied = range[1];
    }
    return masked.append(text, copied, text.length()).toString();
  }

  /** Returns whether the ID appears in the text. */
  public boolean appearIn(String text) {
    return !find(text).isEmpty();
  }

  /**
   * Returns the stretches {@code [start, end)} of the text that hold the ID, sorted and disjoint.
   */
  private List<int[]> find(String text) {
    List<int[]> found = new ArrayList<>();
    if (text.isEmpty()) {
      return found;
    }
    Decoded decoded = Decoded.of(text);
    boolean[] starts = new boolean[decoded.text.length()];
    int[] ends = new int[decoded.text.length()];
    for (String form : forms) {
      int at = decoded.text.indexOf(form);
      while (at >= 0) {
        int start = decoded.start[at];
        int end = decoded.end[at + form.length() - 1];
        if (standsApart(text, start, end, form) && (!starts[at] || ends[at] < end)) {
          starts[at] = true;
          ends[at] = end;
        }
        at = decoded.text.indexOf(form, at + 1);
      }
    }
    for (int at = 0; at < starts.length; at++) {
      if (!starts[at]) {
        continue;
      }
      int start = decoded.start[at];
      int[] last = found.isEmpty() ? null : found.get(found.size() - 1);
      if (last != null && start < last[1]) {
        last[1] = Math.max(last[1], ends[at]);
      } else {
        found.add(new int[] {start, ends[at]});
      }
    }
    return found;
  }

  /** Returns whether no letter or digit glues the stretch to a longer word. */
  private static boolean standsApart(String text, int start, int end, String form) {
    boolean before =
        !Character.isLetterOrDigit(form.charAt(0))
            || start == 0
            || !Character.isLetterOrDigit(text.charAt(start - 1))
            || isPercentEscape(text, start - 3);
    boolean after =
        !Character.isLetterOrDigit(form.charAt(form.length() - 1))
            || end == text.length()
            || !Character.isLetterOrDigit(text.charAt(end));
    return before && after;
  }

  private static boolean isPercentEscape(String text, int at) {
    return at >= 0
        && text.charAt(at) == '%'
        && isHex(text.charAt(at + 1))
        && isHex(text.charAt(at + 2));
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  @Override
  public String toString() {
    // The forms spell the ID out; they must not reach a log line.
    return "CustomerIds[****]";
  }

  /**
   * A text lower-cased, with percent-encoded UTF-8 and mrkdwn's {@code &amp; &lt; &gt;} decoded;
   * each decoded character remembers the stretch {@code [start, end)} of the original it came from.
   */
  private static final class Decoded {
    private static final String[] ENTITIES = {"&amp;", "&lt;", "&gt;"};
    private static final String ENTITY_CHARS = "&<>";

    final String text;
    final int[] start;
    final int[] end;

    private Decoded(String text, int[] start, int[] end) {
      this.text = text;
      this.start = start;
      this.end = end;
    }

    static Decoded of(String original) {
      StringBuilder text = new StringBuilder(original.length());
      int[] start = new int[original.length()];
      int[] end = new int[original.length()];
      int i = 0;
      while (i < original.length()) {
        int next = i + 1;
        String chars = null;
        if (original.charAt(i) == '%') {
          next = percentEnd(original, i);
          chars = next > i ? utf8(original, i, next) : null;
        } else if (original.charAt(i) == '&') {
          for (int e = 0; e < ENTITIES.length && chars == null; e++) {
            if (original.startsWith(ENTITIES[e], i)) {
              chars = String.valueOf(ENTITY_CHARS.charAt(e));
              next = i + ENTITIES[e].length();
            }
          }
        }
        if (chars == null) {
          chars = original.substring(i, i + 1);
          next = i + 1;
        }
        for (int c = 0; c < chars.length(); c++) {
          start[text.length()] = i;
          end[text.length()] = next;
          text.append(Character.toLowerCase(chars.charAt(c)));
        }
        i = next;
      }
      return new Decoded(text.toString(), start, end);
    }

    /**
     * Returns where the run of {@code %XX} escapes that decodes to one character ends, or {@code
     * at}.
     */
    private static int percentEnd(String text, int at) {
      if (!isPercentEscape(text, at, text.length())) {
        return at;
      }
      int first = Integer.parseInt(text.substring(at + 1, at + 3), 16);
      int bytes = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
      int end = at + 3 * bytes;
      for (int b = at + 3; b < end; b += 3) {
        if (!isPercentEscape(text, b, text.length())) {
          return at;
        }
      }
      return bytes == 0 ? at : end;
    }

    private static boolean isPercentEscape(String text, int at, int length) {
      return at + 2 < length
          && text.charAt(at) == '%'
          && isHex(text.charAt(at + 1))
          && isHex(text.charAt(at + 2));
    }

    /**
     * Returns the characters the escapes in {@code [from, to)} encode, or null if they are not
     * UTF-8.
     */
    private static String utf8(String text, int from, int to) {
      byte[] bytes = new byte[(to - from) / 3];
      for (int b = 0; b < bytes.length; b++) {
        bytes[b] = (byte) Integer.parseInt(text.substring(from + 3 * b + 1, from + 3 * b + 3), 16);
      }
      try {
        CharBuffer chars =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes));
        return chars.toString();
      } catch (CharacterCodingException notUtf8) {
        return null;
      }
    }
  }
}
