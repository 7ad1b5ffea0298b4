package dev.tracelookup.command;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which user IDs the deployment accepts, and how to tell an agent so in words. The usual rule is a
 * single character class with a length ({@code ^[A-Za-z0-9_.:@+\-]{1,128}$}); it is described as
 * "letters, digits and {@code _ . : @ + -}, up to 128 characters"; any other pattern is quoted.
 */
final class UserIdRule {
  private static final Pattern CLASS_WITH_LENGTH =
      Pattern.compile("\\^?\\[([^\\]^][^\\]]*)\\]\\{(\\d+),(\\d+)\\}\\$?");

  private final Pattern pattern;

  /** The rule as a sentence for agents. */
  private final String description;

  private final Optional<Pattern> oneCharacter;

  UserIdRule(Pattern pattern) {
    this.pattern = Objects.requireNonNull(pattern, "pattern");
    Matcher simple = CLASS_WITH_LENGTH.matcher(pattern.pattern());
    if (simple.matches()) {
      this.description = describe(simple.group(1), simple.group(3));
      this.oneCharacter = Optional.of(Pattern.compile("[" + simple.group(1) + "]"));
    } else {
      this.description = "User IDs must match " + Quoting.code(pattern.pattern());
      this.oneCharacter = Optional.empty();
    }
  }

  boolean accepts(String id) {
    return pattern.matcher(id).matches();
  }

  /**
   * Returns whether the pattern also accepts everyday words ("customer", "check"), as the usual
   * permissive one does: then the pattern alone cannot pick the ID out of prose, and the shape of a
   * word and the words around it must.
   */
  boolean acceptsPlainWords() {
    return accepts("customer") || accepts("check") || accepts("Customer");
  }

  /** Returns why the token is not a user ID, naming the characters that are allowed. */
  String problem(String token) {
    String offending = offendingCharacters(token);
    String why = offending.isEmpty() ? "" : " (" + Quoting.code(offending) + " cannot be in one)";
    return Quoting.code(token)
        + " is not a user ID"
        + why
        + ". "
        + description
        + ", e.g. `/trace-lookup usr_k8x9m2 2:15pm`.";
  }

  private String offendingCharacters(String token) {
    if (oneCharacter.isEmpty()) {
      return "";
    }
    StringBuilder offending = new StringBuilder();
    token
        .codePoints()
        .distinct()
        .mapToObj(Character::toString)
        .filter(c -> !oneCharacter.get().matcher(c).matches())
        .limit(5)
        .forEach(offending::append);
    return offending.toString();
  }

  private static String describe(String characterClass, String maxLength) {
    StringBuilder kinds = new StringBuilder();
    String rest = characterClass;
    if (rest.contains("A-Z") && rest.contains("a-z")) {
      kinds.append("letters");
      rest = rest.replace("A-Z", "").replace("a-z", "");
    }
    if (rest.contains("0-9")) {
      kinds.append(kinds.length() > 0 ? ", digits" : "digits");
      rest = rest.replace("0-9", "");
    }
    String others = String.join(" ", rest.replace("\\", "").split(""));
    if (!others.isBlank()) {
      kinds.append(kinds.length() > 0 ? " and " : "").append(Quoting.code(others));
    }
    return "User IDs use " + kinds + ", up to " + maxLength + " characters";
  }
}
