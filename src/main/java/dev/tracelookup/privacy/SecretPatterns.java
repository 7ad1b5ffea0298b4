package dev.tracelookup.privacy;

/** The secrets that one regular expression each can find, with the masks that replace them. */
final class SecretPatterns {
  static final String REDACTED = "[redacted]";

  /**
   * The credential after an HTTP authorization scheme: {@code Bearer …}, {@code Basic …}, {@code
   * token …}, base64url included. The scheme stays, so the card still says how the caller
   * authenticated.
   */
  static final Detector SCHEME_CREDENTIAL =
      new PatternDetector(
          "",
          "(?=[BbTt])(?<![\\w-])(?i:bearer|basic|token)[ \\t]++([\\w.~+/-]++=*+)(?![\\w.~+/=-])",
          SecretPatterns::looksLikeToken,
          REDACTED);

  /**
   * A JSON Web Token: base64url segments, the first a JSON header, so it opens with {@code eyJ}.
   */
  static final Detector JSON_WEB_TOKEN =
      new PatternDetector(
          "eyJ",
          "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}+\\.[A-Za-z0-9_-]{2,}+\\.[A-Za-z0-9_-]*+",
          REDACTED);

  /**
   * Keys whose vendors made them recognisable by prefix: Stripe, OpenAI and Anthropic, Slack,
   * GitHub, Grafana Cloud and Grafana service accounts, GitLab, npm, AWS access key IDs and Google
   * API keys. The prefix stays: it says whose key leaked.
   */
  static final Detector VENDOR_KEY =
      new PatternDetector(
          "",
          // The lookahead on the first letter lets most positions fail before any alternative is
          // tried.
          "(?=[sprxgnA])(?:"
              + "(?<![A-Za-z0-9_-])(?:(?:sk|pk|rk)_(?:live|test)_|sk-(?:proj|ant|svcacct|admin)-|xox[abposr]-|xapp-"
              + "|gh[pousr]_|github_pat_|glc_|glpat-)([A-Za-z0-9_-]{8,}+)"
              // npm and Grafana service-account tokens have fixed shapes: "npm_config_cache" is a
              // variable.
              + "|(?<![A-Za-z0-9_-])npm_([A-Za-z0-9]{36})(?![A-Za-z0-9_])"
              + "|(?<![A-Za-z0-9_-])glsa_([A-Za-z0-9]{32}_[0-9A-Fa-f]{8})(?![A-Za-z0-9_])"
              + "|(?<![A-Za-z0-9])A[KS]IA([0-9A-Z]{16})(?![A-Za-z0-9])"
              + "|(?<![A-Za-z0-9_-])AIza([0-9A-Za-z_-]{35})(?![A-Za-z0-9_-]))",
          REDACTED);

  /**
   * A US Social Security number, {@code 078-05-1120}: written with dashes, in the ranges the SSA
   * issues (never area 000, 666 or 900–999, group 00 or serial 0000). Without dashes it is any nine
   * digits, masked only under an {@code ssn} key (see {@link SecretAssignments}).
   */
  static final Detector US_SSN =
      new PatternDetector(
          "-",
          "(?<![\\w-])(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![\\w-])",
          "[ssn]");

  private static final int MIN_CREDENTIAL = 8;
  private static final int MAX_WORD = 15;
  private static final int MAX_CONSONANTS = 5;
  private static final String VOWELS = "aeiouy";

  private SecretPatterns() {}

  /**
   * Returns whether the word after a scheme is a credential rather than prose: "Bearer
   * authentication failed", "Basic Authentication" and "Bearer token-based" stay, while tokens
   * carry digits, inner capitals or base64 punctuation.
   */
  static boolean looksLikeCredential(String word) {
    if (word.length() < MIN_CREDENTIAL) {
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

  /**
   * Returns whether a word is a token rather than prose: {@link #looksLikeCredential}, or letters
   * alone that read as no language does ({@link #looksRandom}).
   */
  static boolean looksLikeToken(String word) {
    return looksLikeCredential(word) || looksRandom(word);
  }

  /**
   * Returns whether a word of letters (and {@code - _ . ~}) looks generated rather than written: 16
   * letters or more in one piece, or any piece no one would pronounce ("qwrtzpsdfgh"). Prose stays:
   * "authentication", "credentials", "token-based-authentication-flow".
   */
  static boolean looksRandom(String word) {
    int letters = 0;
    boolean prose = true;
    int pieceStart = 0;
    for (int i = 0; i <= word.length(); i++) {
      char c = i < word.length() ? word.charAt(i) : '-';
      if (c == '-' || c == '_' || c == '.' || c == '~') {
        prose &= isPronounceable(word, pieceStart, i);
        pieceStart = i + 1;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letters++;
      } else {
        return false;
      }
    }
    return letters >= MIN_CREDENTIAL && !prose;
  }

  /**
   * Returns whether {@code word[start, end)} could be a word: at most 15 letters, a quarter of them
   * vowels or more, and no run of five consonants. Generated strings of lower-case letters fail at
   * least one of these almost always.
   */
  private static boolean isPronounceable(String word, int start, int end) {
    if (end - start > MAX_WORD) {
      return false;
    }
    int vowels = 0;
    int run = 0;
    for (int i = start; i < end; i++) {
      boolean vowel = VOWELS.indexOf(Character.toLowerCase(word.charAt(i))) >= 0;
      vowels += vowel ? 1 : 0;
      run = vowel ? 0 : run + 1;
      if (run >= MAX_CONSONANTS) {
        return false;
      }
    }
    return end - start <= 2 || vowels * 4 >= end - start;
  }

  /**
   * Returns whether a value is an upper-case constant, {@code ERR_42_TIMEOUT}, rather than a token.
   */
  static boolean isConstant(String value) {
    boolean digits = false;
    boolean underscore = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '_') {
        underscore = true;
      } else if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    // Upper-case hex session IDs have digits but no underscores; constants have words.
    return !digits || underscore;
  }
}
