package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class CommandTokenizerTest {

  static Stream<Arguments> texts() {
    return Stream.of(
        argumentSet(
            "words and runs of spaces",
            " usr_1 \t 2:15pm\u00a0UTC ",
            List.of(word("usr_1"), word("2:15pm"), word("UTC"))),
        argumentSet(
            "key=value splits",
            "tz=Europe/Paris --service=checkout",
            List.of(word("tz"), word("Europe/Paris"), word("--service"), word("checkout"))),
        argumentSet(
            "straight quotes keep spaces",
            "action \"POST /orders\"",
            List.of(word("action"), new Token("POST /orders", Token.Kind.QUOTED))),
        argumentSet(
            "curly quotes keep spaces",
            "action “POST /orders”",
            List.of(word("action"), new Token("POST /orders", Token.Kind.QUOTED))),
        argumentSet(
            "unclosed quote runs to the end",
            "action \"POST /orders",
            List.of(word("action"), new Token("POST /orders", Token.Kind.QUOTED))),
        argumentSet(
            "Slack link keeps its URL",
            "<https://t.example/1|ticket 1> 2pm",
            List.of(new Token("https://t.example/1", Token.Kind.LINK), word("2pm"))),
        argumentSet(
            "Slack e-mail becomes the address",
            "<mailto:ann@example.com|ann@example.com>",
            List.of(word("ann@example.com"))),
        argumentSet(
            "Slack user mention", "<@U123|ann>", List.of(new Token("ann", Token.Kind.MENTION))),
        argumentSet("lone angle bracket is a word", "< 2pm", List.of(word("<"), word("2pm"))),
        argumentSet("escapes undone", "a&amp;b", List.of(word("a&b"))),
        argumentSet(
            "invisible characters dropped", "usr_1\u200b 2pm", List.of(word("usr_1"), word("2pm"))),
        argumentSet(
            "control characters separate", "usr_1\u00002pm", List.of(word("usr_1"), word("2pm"))));
  }

  @ParameterizedTest
  @MethodSource("texts")
  void tokenize_text_undoesMarkup(String text, List<Token> expected) {
    List<Token> tokens = CommandTokenizer.tokenize(text);

    assertThat(tokens).containsExactlyElementsOf(expected);
  }

  private static Token word(String text) {
    return Token.word(text);
  }
}
