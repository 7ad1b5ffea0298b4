package dev.tracelookup.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile variants of a real JSON answer, for properties that say a reader answers every input with
 * a value or its own format exception. The mutations are the ways real answers break: cut short,
 * tokens lost, doubled or swapped, a value of another type, absurd nesting, huge strings, IDs of
 * the wrong length or not hex, numbers out of range and non-numbers.
 *
 * <p>Mutations work on the document's tokens, so most results stay close to valid and reach deep
 * into the reader rather than failing on the first byte.
 */
public final class JsonMutations {
  private static final Pattern TOKEN =
      Pattern.compile(
          "\"(?:[^\"\\\\]++|\\\\.)*+\"|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?|true|false|null|[\\[\\]{}:,]|\\s+");
  private static final List<String> REPLACEMENTS =
      List.of(
          "null",
          "true",
          "0",
          "-1",
          "1e999",
          "-9223372036854775809",
          "18446744073709551616",
          "NaN",
          "Infinity",
          "1.5",
          "\"\"",
          "\"x\"",
          "\"4bf92f3577b34da6a3ce929d0e0e47361\"",
          "\"4bf92f3577b34da6a3ce929d0e0e4736ff\"",
          "\"zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz\"",
          "\"AAAA\"",
          "\"S/kvNXezTaajzpKdDg5HNg\"",
          "\"-5\"",
          "\"99999999999999999999999\"",
          "{}",
          "[]",
          "[[]]",
          "{\"\":{}}",
          "\"\\u0000\"",
          "\"\\ud800\"",
          "\"é😀\"");

  private JsonMutations() {}

  /** Returns mutations of {@code valid}, one to three at a time. */
  public static Arbitrary<String> of(String valid) {
    List<String> tokens = tokens(valid);
    Arbitrary<Mutation> one =
        Arbitraries.oneOf(
            Arbitraries.integers()
                .between(0, valid.length())
                .map(at -> text -> text.subList(0, Math.min(at, text.size()))),
            position().map(at -> text -> without(text, at)),
            position().map(at -> text -> with(text, at, text.get(at % text.size()))),
            Combinators.combine(position(), position()).as((a, b) -> text -> swapped(text, a, b)),
            Combinators.combine(position(), Arbitraries.of(REPLACEMENTS))
                .as((at, value) -> text -> replaced(text, at, value)),
            Combinators.combine(position(), deepNesting())
                .as((at, value) -> text -> replaced(text, at, value)),
            Combinators.combine(position(), hugeString())
                .as((at, value) -> text -> replaced(text, at, value)));
    return one.list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            mutations -> {
              List<String> text = tokens;
              for (Mutation mutation : mutations) {
                text = text.isEmpty() ? text : mutation.apply(text);
              }
              return String.join("", text);
            });
  }

  /**
   * Returns a value nested far deeper than any trace format: {@code [[[…]]]} or {@code
   * {"a":{"a":…}}}.
   */
  public static Arbitrary<String> deepNesting() {
    return Arbitraries.integers()
        .between(100, 20_000)
        .flatMap(
            depth ->
                Arbitraries.of(
                    "[".repeat(depth) + "]".repeat(depth),
                    "[".repeat(depth),
                    "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
  }

  private static Arbitrary<String> hugeString() {
    return Arbitraries.integers()
        .between(10_000, 200_000)
        .map(length -> "\"" + "a".repeat(length) + "\"");
  }

  private static Arbitrary<Integer> position() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE);
  }

  static List<String> tokens(String json) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(json);
    int at = 0;
    while (at < json.length()) {
      if (matcher.find(at) && matcher.start() == at) {
        tokens.add(matcher.group());
        at = matcher.end();
      } else {
        tokens.add(json.substring(at, at + 1));
        at++;
      }
    }
    return List.copyOf(tokens);
  }

  private static List<String> without(List<String> text, int at) {
    List<String> copy = new ArrayList<>(text);
    copy.remove(at % copy.size());
    return copy;
  }

  private static List<String> with(List<String> text, int at, String token) {
    List<String> copy = new ArrayList<>(text);
    copy.add(at % (copy.size() + 1), token);
    return copy;
  }

  private static List<String> swapped(List<String> text, int a, int b) {
    List<String> copy = new ArrayList<>(text);
    java.util.Collections.swap(copy, a % copy.size(), b % copy.size());
    return copy;
  }

  private static List<String> replaced(List<String> text, int at, String value) {
    List<String> copy = new ArrayList<>(text);
    copy.set(at % copy.size(), value);
    return copy;
  }

  @FunctionalInterface
  private interface Mutation {
    List<String> apply(List<String> tokens);
  }
}
