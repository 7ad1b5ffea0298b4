package dev.tracelookup.command;

import java.util.Locale;
import java.util.Set;

/**
 * The words of pasted prose that matter for finding the customer: the cue words that introduce an
 * ID ("customer", "user", "id:"), and the common words that are never one, even though a permissive
 * ID pattern accepts them ("can", "check", "Customer").
 */
final class ProseWords {
  /** Words after which the next word is the ID whatever it looks like: "uid abc", "id: alice". */
  static final Set<String> STRONG_CUES =
      Set.of(
          "id",
          "uid",
          "userid",
          "user_id",
          "user-id",
          "customer_id",
          "customerid",
          "customer-id",
          "account_id",
          "accountid",
          "account-id",
          "enduser.id",
          "user.id");

  /** Words after which an ID-like word is more likely the customer's than any other. */
  static final Set<String> WEAK_CUES =
      Set.of("customer", "customers", "user", "users", "account", "acct", "client", "member");

  private static final Set<String> COMMON =
      Set.of(
          "a",
          "about",
          "after",
          "again",
          "all",
          "am",
          "an",
          "and",
          "any",
          "anyone",
          "are",
          "as",
          "at",
          "be",
          "been",
          "before",
          "but",
          "by",
          "can",
          "cannot",
          "check",
          "checked",
          "checkout",
          "could",
          "customer",
          "did",
          "do",
          "does",
          "error",
          "errors",
          "failed",
          "failing",
          "fails",
          "for",
          "from",
          "get",
          "getting",
          "got",
          "had",
          "has",
          "have",
          "hello",
          "help",
          "hey",
          "hi",
          "how",
          "i",
          "if",
          "in",
          "is",
          "issue",
          "it",
          "its",
          "just",
          "look",
          "looking",
          "me",
          "my",
          "no",
          "not",
          "of",
          "ok",
          "on",
          "or",
          "order",
          "our",
          "please",
          "pls",
          "problem",
          "reported",
          "reports",
          "said",
          "says",
          "see",
          "should",
          "so",
          "someone",
          "still",
          "team",
          "thanks",
          "that",
          "the",
          "their",
          "them",
          "there",
          "they",
          "this",
          "to",
          "trace",
          "traces",
          "tried",
          "try",
          "up",
          "urgent",
          "user",
          "was",
          "we",
          "were",
          "what",
          "when",
          "where",
          "which",
          "who",
          "why",
          "will",
          "with",
          "would",
          "yes",
          "you",
          "your");

  private ProseWords() {}

  /** Returns whether the word is a common word of support prose, never a customer's ID. */
  static boolean common(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return COMMON.contains(lower) || WEAK_CUES.contains(lower) || STRONG_CUES.contains(lower);
  }
}
