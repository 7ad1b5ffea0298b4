package dev.tracelookup.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pasted text as plain words: Slack's markup undone ({@code <mailto:..|..>}, links and mentions
 * dropped), and each word freed of what sits around it in prose: backticks, quotes, {@code *bold*},
 * {@code _italics_}, {@code ~strike~}, brackets and trailing punctuation ({@code usr_k8x9m2,}).
 * {@code id:usr_1} and {@code user_id=usr_1} come apart into the cue and the ID.
 */
final class PastedWords {
  private static final String OPENERS = "`'\"*_~([{“‘<";
  private static final String CLOSERS = "`'\"*_~)]}”’>,.;:!?";

  /** A label written onto the ID, as tickets and logs print it: {@code id:usr_1}, {@code uid=7}. */
  static final Pattern LABELLED =
      Pattern.compile("(?i)(?:id|uid|user_?id|user-id|customer_?id|customer-id|account_?id):(.+)");

  private static final Pattern CUED =
      Pattern.compile(
          "(?i)(id|uid|user_?id|user-id|customer_?id|customer-id|account_?id|user|customer|account)"
              + "[:=#](.+)");

  /**
   * One word of the pasted text.
   *
   * @param marked whether it stood in backticks or quotes, as IDs are pasted from tickets
   */
  record Word(String text, boolean marked) {}

  private PastedWords() {}

  /** Returns the words of the text, in order; links and Slack mentions are left out. */
  static List<Word> of(String text) {
    List<Word> words = new ArrayList<>();
    for (Token token : CommandTokenizer.tokenize(text)) {
      if (token.kind() == Token.Kind.QUOTED) {
        String[] parts = token.text().split("\\s+");
        for (String part : parts) {
          add(words, part, parts.length == 1);
        }
      } else if (token.kind() == Token.Kind.WORD) {
        add(words, token.text(), false);
      }
    }
    return words;
  }

  private static void add(List<Word> words, String raw, boolean quoted) {
    int start = 0;
    int end = raw.length();
    boolean marked = quoted;
    while (start < end && OPENERS.indexOf(raw.charAt(start)) >= 0) {
      marked |= raw.charAt(start) == '`' || raw.charAt(start) == '"' || raw.charAt(start) == '\'';
      start++;
    }
    while (end > start && CLOSERS.indexOf(raw.charAt(end - 1)) >= 0 && !meridiemDot(raw, end)) {
      end--;
    }
    if (start >= end) {
      return;
    }
    String word = raw.substring(start, end);
    if (word.endsWith("'s") || word.endsWith("’s")) {
      word = word.substring(0, word.length() - 2);
    }
    Matcher cued = CUED.matcher(word);
    if (cued.matches()) {
      words.add(new Word(cued.group(1), false));
      add(words, cued.group(2), marked);
      return;
    }
    words.add(new Word(word, marked));
  }

  /** Returns whether the dot before {@code end} closes "p.m." or "a.m.", which needs it. */
  private static boolean meridiemDot(String raw, int end) {
    String before = raw.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    return before.endsWith("a.m.") || before.endsWith("p.m.");
  }
}
