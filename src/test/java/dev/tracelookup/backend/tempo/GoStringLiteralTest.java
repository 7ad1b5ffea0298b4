package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The test's Go lexer catches the break-outs that {@link TraceQlTest} relies on it to catch. */
final class GoStringLiteralTest {

  @Test
  void scanEnd_rawQuote_endsTheLiteralThere() {
    String query = "\"usr\" || true //\"";

    assertThat(GoStringLiteral.scanEnd(query, 0)).isEqualTo(5);
  }

  @Test
  void scanEnd_escapedQuoteAndBackslash_stayInside() {
    String query = "\"a\\\"b\\\\\" }";

    assertThat(query.substring(GoStringLiteral.scanEnd(query, 0))).isEqualTo(" }");
  }

  @Test
  void scanEnd_rawNewlineNulOrBom_areScannerErrors() {
    assertThatThrownBy(() -> GoStringLiteral.scanEnd("\"a\nb\"", 0))
        .hasMessageContaining("not terminated");
    assertThatThrownBy(() -> GoStringLiteral.scanEnd("\"a\0b\"", 0)).hasMessageContaining("NUL");
    assertThatThrownBy(() -> GoStringLiteral.scanEnd("\"a\uFEFFb\"", 0))
        .hasMessageContaining("BOM");
  }

  @Test
  void scanEnd_unknownOrShortEscape_isAnError() {
    assertThatThrownBy(() -> GoStringLiteral.scanEnd("\"\\q\"", 0))
        .hasMessageContaining("unknown escape");
    assertThatThrownBy(() -> GoStringLiteral.scanEnd("\"\\u12zz\"", 0))
        .hasMessageContaining("hex digit");
  }

  @Test
  void unquote_escapes_decodeAsGoDoes() {
    assertThat(GoStringLiteral.unquote("\"a\\tb\\u00e9\\U0001F600\\\\\\\"\""))
        .isEqualTo("a\tbé😀\\\"");
  }

  @Test
  void unquote_rawQuoteInside_isAnError() {
    assertThatThrownBy(() -> GoStringLiteral.unquote("\"a\"b\"")).hasMessageContaining("raw quote");
  }

  @Test
  void unquote_surrogateEscape_isNotARune() {
    assertThatThrownBy(() -> GoStringLiteral.unquote("\"\\ud800\""))
        .hasMessageContaining("not a valid rune");
  }
}
