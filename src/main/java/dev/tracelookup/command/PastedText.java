package dev.tracelookup.command;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads text an agent pasted rather than typed as a command: an escalation ("Customer usr_k8x9m2
 * reports checkout failed at 2:15pm"), a ticket bot's post, a mention in a thread. The user ID is
 * picked by the configured pattern, its shape and the words around it ("customer", "user", "id:"),
 * not by its position; times are read wherever they stand; every other word is prose and skipped.
 */
final class PastedText {
  /** Words before a time that say it is when the customer saw the problem. */
  private static final Set<String> TIME_CUES =
      Set.of(
          "at",
          "around",
          "about",
          "~",
          "approx",
          "approximately",
          "since",
          "circa",
          "@",
          "on",
          "from",
          "between");

  /** Words before an ID-like word that say it is not the customer's: "order ord_5512". */
  private static final Set<String> OTHER_THINGS =
      Set.of(
          "ticket",
          "order",
          "trace",
          "span",
          "request",
          "incident",
          "case",
          "conversation",
          "invoice",
          "payment",
          "transaction",
          "session",
          "build",
          "version",
          "release",
          "pr",
          "issue",
          "job",
          "sku",
          "product",
          "item",
          "cart",
          "card",
          "tx",
          "txn",
          "ref");

  /** Words between a cue and its ID: "customer is usr_1", "customer number 12345". */
  private static final Set<String> CONNECTORS =
      Set.of("is", "was", "=", "#", "no", "number", "num", "handle", "name", "named");

  private static final Pattern ISSUE_KEY = Pattern.compile("[A-Z][A-Z0-9]+-\\d+");
  private static final Pattern HEX_ID = Pattern.compile("(?i)[0-9a-f]{16}|[0-9a-f]{32}");
  private static final Pattern VERSION = Pattern.compile("(?i)v?\\d+(\\.\\d+)+|v\\d+");
  private static final Pattern STATUS_OR_SIZE =
      Pattern.compile("(?i)[1-5]xx|\\d+(ms|s|m|h|d|kb|mb|gb|k|x|%)?");
  private static final int MIN_SHAPED_LENGTH = 4;

  private final UserIdRule rule;
  private final TimeExpressionReader times;
  private final ZoneReader zones = new ZoneReader();

  PastedText(UserIdRule rule, TimeExpressionReader times) {
    this.rule = rule;
    this.times = times;
  }

  /** A time read from the prose, as typed, and whether a cue word stood before it. */
  record Timed(TimeExpression time, String typed, boolean cued) {}

  /** A zone named in the prose, as typed. */
  record NamedZone(ZoneId zone, String typed) {}

  /**
   * What the prose said.
   *
   * @param userIds the likeliest user IDs, best first; more than one means nothing told them apart
   * @param times every time read, in order
   * @param problem a time that was plainly meant ("at 25:00") but cannot be read
   */
  record Reading(
      List<String> userIds,
      List<Timed> times,
      Optional<NamedZone> zone,
      Optional<String> problem) {}

  /** Returns what the text says. */
  Reading read(String text) {
    List<PastedWords.Word> words = PastedWords.of(text);
    List<Token> tokens = words.stream().map(w -> Token.word(w.text())).collect(Collectors.toList());
    TokenCursor in = new TokenCursor(tokens);
    Map<String, Integer> scores = new LinkedHashMap<>();
    List<Timed> found = new ArrayList<>();
    Optional<NamedZone> zone = Optional.empty();
    Optional<String> problem = Optional.empty();
    while (in.hasMore()) {
      int at = in.position();
      boolean marked = words.get(at).marked();
      CommandDraft scratch = new CommandDraft();
      if (!marked && zones.read(in, scratch)) {
        if (zone.isEmpty() && scratch.zone().isPresent()) {
          zone = Optional.of(new NamedZone(scratch.zone().get(), typed(words, at, in)));
        }
      } else if (!marked && !in.word(0).equals("now") && times.read(in, scratch)) {
        boolean cued = at > 0 && TIME_CUES.contains(lower(words, at - 1));
        if (scratch.problem().isPresent()) {
          // Prose is full of numbers; only a time plainly meant as one is worth a complaint.
          problem = problem.or(() -> cued ? scratch.problem() : Optional.empty());
        } else {
          found.add(new Timed(scratch.time().orElseThrow(), typed(words, at, in), cued));
        }
      } else {
        score(words, at, scores);
        in.advance(1);
      }
    }
    return new Reading(best(scores), found, zone, problem);
  }

  private static String typed(List<PastedWords.Word> words, int from, TokenCursor in) {
    return words.subList(from, in.position()).stream()
        .map(PastedWords.Word::text)
        .collect(Collectors.joining(" "));
  }

  /** Returns the IDs with the top score, in the order they were written. */
  private static List<String> best(Map<String, Integer> scores) {
    int top = scores.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    return scores.entrySet().stream()
        .filter(e -> e.getValue() == top)
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  /** Scores the word as the customer's ID, if it could be one at all. */
  private void score(List<PastedWords.Word> words, int at, Map<String, Integer> scores) {
    PastedWords.Word word = words.get(at);
    String text = word.text();
    if (!rule.accepts(text) || ProseWords.common(text)) {
      return;
    }
    String before = at > 0 ? lower(words, at - 1) : "";
    String twoBefore = at > 1 ? lower(words, at - 2) : "";
    if (OTHER_THINGS.contains(before)
        || ProseWords.STRONG_CUES.contains(before) && OTHER_THINGS.contains(twoBefore)) {
      return;
    }
    boolean strong = ProseWords.STRONG_CUES.contains(before);
    boolean weak =
        ProseWords.WEAK_CUES.contains(before)
            || CONNECTORS.contains(before) && ProseWords.WEAK_CUES.contains(twoBefore);
    int score;
    if (strong) {
      score = 8;
    } else if (!rule.acceptsPlainWords()) {
      score = 4 + (weak ? 2 : 0) + (word.marked() ? 1 : 0);
    } else if (shaped(text)) {
      score = 1 + (weak ? 4 : 0) + (word.marked() ? 2 : 0);
    } else if (weak && text.chars().allMatch(Character::isDigit)) {
      score = 3;
    } else {
      return;
    }
    scores.merge(text, score, Math::max);
  }

  /**
   * Returns whether the word is shaped like an ID: letters with digits, or an {@code _ @ + :}
   * inside it ({@code usr_k8x9m2}, {@code ann@example.com}); not an issue key, a trace ID, a
   * version, a status or a size.
   */
  private static boolean shaped(String text) {
    if (text.length() < MIN_SHAPED_LENGTH
        || ISSUE_KEY.matcher(text).matches()
        || HEX_ID.matcher(text).matches()
        || VERSION.matcher(text).matches()
        || STATUS_OR_SIZE.matcher(text).matches()) {
      return false;
    }
    boolean letters = text.chars().anyMatch(Character::isLetter);
    boolean digits = text.chars().anyMatch(Character::isDigit);
    String inside = text.substring(1, text.length() - 1);
    boolean joined = inside.chars().anyMatch(c -> c == '_' || c == '@' || c == '+' || c == ':');
    return letters && (digits || joined);
  }

  private static String lower(List<PastedWords.Word> words, int at) {
    return words.get(at).text().toLowerCase(Locale.ROOT);
  }
}
