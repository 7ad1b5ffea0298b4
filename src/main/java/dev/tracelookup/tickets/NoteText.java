package dev.tracelookup.tickets;

import java.net.URI;
import java.util.Locale;

/** Escaping and checks the note markups share. */
public final class NoteText {
  private NoteText() {}

  /** Returns the text safe inside HTML elements and attributes. */
  public static String html(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Only absolute http(s) links go into a note: no {@code javascript:} from a span attribute. */
  static boolean safeUrl(String url) {
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
    } catch (IllegalArgumentException notAUrl) {
      return false;
    }
  }
}
