package dev.tracelookup.tickets.links;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the URLs out of Slack text, in order: links Slack wrapped as {@code <url>} or {@code
 * <url|label>}, and bare URLs as typed in a slash command or plain text.
 */
final class LinkText {
  /** Slack markup first, so a wrapped link is taken whole and its label is never read as a URL. */
  private static final Pattern LINK =
      Pattern.compile("<([^<>|\\s]+)(?:\\|[^<>]*)?>|((?i:https?)://[^\\s<>\"'`|]+)");

  private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]}'\"*_~]+$");

  private LinkText() {}

  /**
   * Returns each URL in the text, with Slack's escaping undone and sentence punctuation cut off.
   */
  static List<String> urls(String text) {
    List<String> urls = new ArrayList<>();
    if (text == null) {
      return urls;
    }
    Matcher matcher = LINK.matcher(text);
    while (matcher.find()) {
      String wrapped = matcher.group(1);
      String url = wrapped != null ? wrapped : TRAILING.matcher(matcher.group(2)).replaceFirst("");
      if (!isSlackReference(url)) {
        urls.add(unescape(url));
      }
    }
    return urls;
  }

  /** Mentions, channels, special commands and mail links are markup too, but never tickets. */
  private static boolean isSlackReference(String target) {
    return target.startsWith("@")
        || target.startsWith("#")
        || target.startsWith("!")
        || target.startsWith("mailto:");
  }

  /** Slack escapes exactly these three in message text. */
  static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
