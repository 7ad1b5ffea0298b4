package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class TraceQlTest {

  static Stream<Arguments> escapes() {
    return Stream.of(
        escape("plain ID", "usr_k8x9m2", "\"usr_k8x9m2\""),
        escape("empty", "", "\"\""),
        escape("quote", "a\"b", "\"a\\\"b\""),
        escape("backslash", "a\\b", "\"a\\\\b\""),
        escape("backslash before quote", "\\\"", "\"\\\\\\\"\""),
        escape("newline", "a\nb", "\"a\\nb\""),
        escape("carriage return", "a\rb", "\"a\\rb\""),
        escape("tab", "a\tb", "\"a\\tb\""),
        escape("NUL", "a\0b", "\"a\\u0000b\""),
        escape("bell", "\u0007", "\"\\u0007\""),
        escape("escape", "\u001b[31m", "\"\\u001b[31m\""),
        escape("DEL", "\u007f", "\"\\u007f\""),
        escape("C1 next line", "\u0085", "\"\\u0085\""),
        escape("byte-order mark", "\uFEFF", "\"\\ufeff\""),
        escape("right-to-left override", "a\u202Eb", "\"a\\u202eb\""),
        escape("zero-width space", "a\u200Bb", "\"a\\u200bb\""),
        escape("line separator", "\u2028", "\"\\u2028\""),
        escape("paragraph separator", "\u2029", "\"\\u2029\""),
        escape("supplementary format character", "\uDB40\uDC01", "\"\\U000e0001\""),
        escape("comment starts stay inside", "// /* */", "\"// /* */\""),
        escape("braces and operators stay inside", "} || { true", "\"} || { true\""),
        escape("backtick", "`x`", "\"`x`\""),
        escape("single quote", "'x'", "\"'x'\""),
        escape("accents", "José", "\"José\""),
        escape("CJK", "用户", "\"用户\""),
        escape("emoji", "😀", "\"😀\""),
        escape("non-breaking space", "a\u00A0b", "\"a\u00A0b\""));
  }

  private static Arguments escape(String name, String value, String literal) {
    return Arguments.of(Named.of(name, value), literal);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void string_value_isThisGoLiteral(String value, String literal) {
    String written = TraceQl.string(value);

    assertThat(written).isEqualTo(literal);
    assertThat(GoStringLiteral.unquote(written)).isEqualTo(value);
  }

  @Test
  void string_loneHighSurrogate_isRefused() {
    assertThatThrownBy(() -> TraceQl.string("usr\uD800"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void string_loneLowSurrogate_isRefused() {
    assertThatThrownBy(() -> TraceQl.string("\uDC00usr"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 3_000)
  void string_anyText_decodesBackByGoRules(@ForAll("texts") String value) {
    String literal = TraceQl.string(value);

    assertThat(GoStringLiteral.unquote(literal)).isEqualTo(value);
  }

  @Property(tries = 3_000)
  void string_anyTextFollowedByQuery_endsWhereTheLiteralEnds(@ForAll("texts") String value) {
    String literal = TraceQl.string(value);
    String query = "{ .user.id = " + literal + " }";

    int end = GoStringLiteral.scanEnd(query, "{ .user.id = ".length());

    assertThat(query.substring(end)).isEqualTo(" }");
  }

  @Property(tries = 1_000)
  void string_anyText_holdsNoRawControlOrFormatCharacter(@ForAll("texts") String value) {
    String literal = TraceQl.string(value);

    assertThat(literal.codePoints())
        .noneMatch(
            c ->
                Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<Integer> codePoints =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.integers().between(0, 0x7f)),
            Tuple.of(2, Arbitraries.of((int) '"', (int) '\\', (int) '/', (int) '*', (int) '\n', 0)),
            Tuple.of(2, Arbitraries.integers().between(0x80, Character.MIN_SURROGATE - 1)),
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(Character.MAX_SURROGATE + 1, Character.MAX_CODE_POINT)));
    return codePoints.list().ofMaxSize(40).map(TraceQlTest::fromCodePoints);
  }

  private static String fromCodePoints(List<Integer> codePoints) {
    StringBuilder text = new StringBuilder();
    codePoints.forEach(text::appendCodePoint);
    return text.toString();
  }

  @Test
  void unscopedAttribute_plainName_isDotted() {
    assertThat(TraceQl.unscopedAttribute("user.id")).isEqualTo(".user.id");
    assertThat(TraceQl.unscopedAttribute("app:customer-id")).isEqualTo(".app:customer-id");
  }

  @ParameterizedTest
  @MethodSource("unsafeNames")
  void isAttributeName_nameThatCouldBreakOutOfTheAttribute_isFalse(String name) {
    assertThat(TraceQl.isAttributeName(name)).isFalse();
    assertThatThrownBy(() -> TraceQl.unscopedAttribute(name))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<String> unsafeNames() {
    return Stream.of(
        "",
        "user id",
        "user.id}",
        "user\"id",
        "a||b",
        "a//b",
        "a/*b",
        ".user",
        "user.",
        "a..b",
        "a=b",
        "a{b",
        "a(b",
        "a!b",
        "a~b",
        "a&b",
        "a^b",
        "a,b",
        "a\nb",
        "ü");
  }

  @Test
  void fitsTempo_queryAtTheLimitInUtf8Bytes_fitsAndOneByteMoreDoesNot() {
    String twoByteChars = "é".repeat(TraceQl.MAX_QUERY_BYTES / 2);

    assertThat(TraceQl.fitsTempo(twoByteChars)).isTrue();
    assertThat(TraceQl.fitsTempo(twoByteChars + "a")).isFalse();
    assertThat(TraceQl.fitsTempo("a".repeat(TraceQl.MAX_QUERY_BYTES + 1))).isFalse();
  }
}
