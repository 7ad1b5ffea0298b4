package dev.tracelookup.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the values given to secret-named keys, wherever key-value text appears: query strings and
 * JDBC URLs ({@code password=…}), YAML and logs ({@code pwd: …}), JSON ({@code "api_key":"…"}, also
 * JSON escaped inside a string), Ruby hashes ({@code :secret => '…'}), cookies ({@code
 * JSESSIONID=…}) and HTTP headers ({@code Authorization: Bearer …}, where the scheme stays).
 *
 * <p>{@link SecretKeys} reads from the key what its value holds: a secret or a personal identifier
 * (masked whatever it is), a session ID or an OAuth code (masked when it reads as a token), or a
 * date of birth (masked over all its words).
 */
final class SecretAssignments implements Detector {
  // The key, its closing quote (JSON, or JSON escaped as \"), then = or : or =>.
  private static final Pattern KEY =
      Pattern.compile("(?<![\\w.-])([\\w.-]++)(?:\\\\?+[\"'])?+[ \\t]*+(?:=>|[=:])[ \\t]*+");
  private static final Set<String> SCHEMES =
      Set.of("bearer", "basic", "token", "digest", "negotiate");
  private static final String UNQUOTED_STOPS = "\"'&;,<>)}\\";
  // Say whether a secret was given, not what it is: MySQL's "(using password: YES)".
  private static final Set<String> FLAGS = Set.of("yes", "no", "true", "false", "null", "none");

  @Override
  public List<Finding> find(String text) {
    List<Finding> found = new ArrayList<>();
    if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
      return found;
    }
    Matcher key = KEY.matcher(text);
    int from = 0;
    while (from < text.length() && key.find(from)) {
      from = key.end();
      boolean inQuery = key.start() > 0 && "?&".indexOf(text.charAt(key.start() - 1)) >= 0;
      SecretKeys.Kind kind = SecretKeys.kindOf(key.group(1), inQuery);
      if (kind != SecretKeys.Kind.NONE) {
        Optional<Finding> value =
            value(text, key.end()).flatMap(stretch -> shaped(text, stretch, kind));
        value.ifPresent(found::add);
        // Skipping the value keeps the scan linear; anything inside it is masked anyway.
        from = value.map(Finding::end).orElse(from);
      }
    }
    return found;
  }

  /** Returns the value as its kind masks it, or nothing when it is not what the key promises. */
  private static Optional<Finding> shaped(String text, Finding value, SecretKeys.Kind kind) {
    if (kind == SecretKeys.Kind.BIRTH_DATE) {
      return Optional.of(DateWords.extend(text, value));
    }
    if (kind == SecretKeys.Kind.SESSION || kind == SecretKeys.Kind.QUERY_CODE) {
      String word = text.substring(value.start(), value.end());
      return SecretPatterns.looksLikeToken(word) && !SecretPatterns.isConstant(word)
          ? Optional.of(value)
          : Optional.empty();
    }
    return Optional.of(value);
  }

  @Override
  public String mask(String found) {
    return SecretPatterns.REDACTED;
  }

  /** Returns the value that starts at {@code start}, if there is one. */
  private static Optional<Finding> value(String text, int start) {
    if (start >= text.length() || text.charAt(start) == '=' || text.charAt(start) == ':') {
      // "token == null" and "token::Kind" compare and name things; they assign nothing.
      return Optional.empty();
    }
    char first = text.charAt(start);
    boolean escapedQuote =
        first == '\\' && start + 1 < text.length() && isQuote(text.charAt(start + 1));
    if (isQuote(first) || escapedQuote) {
      String closing = escapedQuote ? text.substring(start, start + 2) : String.valueOf(first);
      return quoted(text, start + closing.length(), closing);
    }
    int end = unquotedEnd(text, start);
    int credential = afterScheme(text, start, end);
    if (credential >= 0 && credential < text.length() && !isUnquotedStop(text.charAt(credential))) {
      return finding(text, credential, unquotedEnd(text, credential));
    }
    return finding(text, start, end);
  }

  private static Optional<Finding> quoted(String text, int start, String closing) {
    int end =
        closing.length() == 1
            ? closingQuote(text, start, closing.charAt(0))
            : text.indexOf(closing, start);
    if (end < 0) {
      // A message cut short may leave the quote open: mask at least the first word.
      return finding(text, start, unquotedEnd(text, start));
    }
    int credential = afterScheme(text, start, end);
    return finding(text, credential >= 0 ? credential : start, end);
  }

  /** Returns where the credential starts when the value opens with a scheme and a space, or -1. */
  private static int afterScheme(String text, int start, int limit) {
    int word = start;
    while (word < limit && Character.isLetter(text.charAt(word))) {
      word++;
    }
    if (word == start || !SCHEMES.contains(text.substring(start, word).toLowerCase(Locale.ROOT))) {
      return -1;
    }
    int credential = word;
    while (credential < text.length()
        && (text.charAt(credential) == ' ' || text.charAt(credential) == '\t')) {
      credential++;
    }
    return credential > word ? credential : -1;
  }

  private static int closingQuote(String text, int start, char quote) {
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static int unquotedEnd(String text, int start) {
    int end = start;
    while (end < text.length() && !isUnquotedStop(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean isUnquotedStop(char c) {
    return Character.isWhitespace(c) || UNQUOTED_STOPS.indexOf(c) >= 0;
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  private static Optional<Finding> finding(String text, int start, int end) {
    if (end <= start || FLAGS.contains(text.substring(start, end).toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(new Finding(start, end));
  }
}
