package dev.tracelookup.privacy;

/** The secrets that one regular expression each can find, with the masks that replace them. */
final class SecretPatterns {
  static final String REDACTED = "[redacted]";

  /**
   * The password of {@code scheme://user:password@host}; the user name stays. Brackets and bullets
   * never appear in user information, but they do in masks: excluding them stops the next pass
   * from reading "https://[email]:[email]@…" as a login.
   */
  static final Detector URL_PASSWORD = new PatternDetector(
      "://",
      "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*+://[^\\s/?#@:\"'\\[\\]•]*+:([^\\s/?#@\"'\\[\\]•]++)@",
      REDACTED);

  /**
   * The credential after an HTTP authorization scheme: {@code Bearer …}, {@code Basic …}, {@code
   * token …}. The scheme stays, so the card still says how the caller authenticated.
   */
  static final Detector SCHEME_CREDENTIAL = new PatternDetector(
      "",
      "(?=[BbTt])(?<![\\w-])(?i:bearer|basic|token)[ \\t]++([A-Za-z0-9._~+/-]++=*+)(?![A-Za-z0-9._~+/=-])",
      SecretPatterns::looksLikeCredential,
      REDACTED);

  /** A JSON Web Token: base64url segments, the first a JSON header, so it opens with {@code eyJ}. */
  static final Detector JSON_WEB_TOKEN = new PatternDetector(
      "eyJ",
      "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]*+", REDACTED);

  /**
   * Keys whose vendors made them recognisable by prefix: Stripe, Slack, GitHub, Grafana Cloud,
   * GitLab, AWS access key IDs and Google API keys. The prefix stays: it says whose key leaked.
   */
  static final Detector VENDOR_KEY = new PatternDetector(
      "",
      // The lookahead on the first letter lets most positions fail before any alternative is tried.
      "(?=[sprxgA])(?:"
          + "(?<![A-Za-z0-9_-])(?:(?:sk|pk|rk)_(?:live|test)_|xox[abposr]-|xapp-|gh[pousr]_|github_pat_|glc_|glpat-)"
          + "([A-Za-z0-9_-]{8,}+)"
          + "|(?<![A-Za-z0-9])A[KS]IA([0-9A-Z]{16})(?![A-Za-z0-9])"
          + "|(?<![A-Za-z0-9_-])AIza([0-9A-Za-z_-]{35})(?![A-Za-z0-9_-]))",
      REDACTED);

  private SecretPatterns() {}

  /**
   * Returns whether the word after a scheme is a credential rather than prose: "Bearer
   * authentication failed", "Basic Authentication" and "Bearer token-based" stay, while tokens
   * carry digits, inner capitals or base64 punctuation.
   */
  static boolean looksLikeCredential(String word) {
    if (word.length() < 8) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      boolean innerCapital = i > 0 && Character.isUpperCase(c);
      if (Character.isDigit(c) || innerCapital || "+/=~".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
