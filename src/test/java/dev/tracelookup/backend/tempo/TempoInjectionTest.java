package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile user IDs and filters reach Tempo only inside string literals: the test checks the exact
 * {@code q} Tempo receives, and that a Go lexer reading it finds the literal where it was written.
 */
final class TempoInjectionTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");

  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoInjectionTest() throws Exception {
    tempo = new FakeTempo();
    backend =
        tempo.backend(TempoOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), new ArrayList<>());
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  static Stream<Arguments> hostileUserIds() {
    String tenThousand = "a\"".repeat(5_000);
    return Stream.of(
        corpus(
            "closing quote and brace",
            "x\" } || { true } && { \"",
            "\"x\\\" } || { true } && { \\\"\""),
        corpus("quote then line comment", "x\" || true //", "\"x\\\" || true //\""),
        corpus("quote then block comment", "x\" /* ", "\"x\\\" /* \""),
        corpus("backslash escaping our quote", "x\\", "\"x\\\\\""),
        corpus("backslash and quote", "x\\\" || .a = \"", "\"x\\\\\\\" || .a = \\\"\""),
        corpus("newline ends a Go literal", "usr\n} || { true", "\"usr\\n} || { true\""),
        corpus("carriage return", "usr\r", "\"usr\\r\""),
        corpus("NUL is a scanner error", "usr\0", "\"usr\\u0000\""),
        corpus("byte-order mark is a scanner error", "\uFEFFusr", "\"\\ufeffusr\""),
        corpus("backtick raw string", "`x` || true", "\"`x` || true\""),
        corpus(
            "pipeline and select",
            "x\" } | select(span.password) | { \"",
            "\"x\\\" } | select(span.password) | { \\\"\""),
        corpus("regex operator", "=~ \".*\"", "\"=~ \\\".*\\\"\""),
        corpus("unicode", "ユーザー😀", "\"ユーザー😀\""),
        corpus("escaped unicode quote text", "\\u0022", "\"\\\\u0022\""),
        corpus("ten thousand characters", tenThousand, "\"" + "a\\\"".repeat(5_000) + "\""));
  }

  private static Arguments corpus(String name, String userId, String literal) {
    return Arguments.of(Named.of(name, userId), literal);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileUserIds")
  void search_hostileUserId_reachesTempoOnlyInsideItsLiterals(String userId, String literal)
      throws Exception {
    backend.search(new TraceQuery(userId, FROM, TO, Optional.empty(), Optional.empty(), false, 20));

    String q = FakeTempo.parameters(tempo.takeRequest()).get("q");
    assertThat(q).isEqualTo("{ .user.id = " + literal + " || .enduser.id = " + literal + " }");
    int first = GoStringLiteral.scanEnd(q, "{ .user.id = ".length());
    assertThat(q.substring(first)).startsWith(" || .enduser.id = \"");
    assertThat(GoStringLiteral.unquote(literal)).isEqualTo(userId);
  }

  @Test
  void search_hostileFilters_areLiteralsToo() throws Exception {
    TraceQuery query =
        new TraceQuery(
            "usr_1",
            FROM,
            TO,
            Optional.of("svc\" } || { true"),
            Optional.of("GET /x\" // rest"),
            false,
            20);

    backend.search(query);

    assertThat(FakeTempo.parameters(tempo.takeRequest()).get("q"))
        .isEqualTo(
            "{ .user.id = \"usr_1\" || .enduser.id = \"usr_1\" }"
                + " && { resource.service.name = \"svc\\\" } || { true\" }"
                + " && { name = \"GET /x\\\" // rest\" }");
  }

  @Test
  void search_queryOverTempoLimit_isRefusedWithoutAskingTempo() {
    String huge = "u".repeat(TraceQl.MAX_QUERY_BYTES / 2);

    BackendFailure failure =
        failure(
            backend.search(
                new TraceQuery(huge, FROM, TO, Optional.empty(), Optional.empty(), false, 20)));

    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo(
            "The user ID and filters are too long for a Tempo search (at most 128 KiB); check the"
                + " user ID.");
    assertThat(tempo.pending()).isZero();
  }

  @Test
  void search_loneSurrogate_isRefusedWithoutAskingTempo() {
    BackendFailure failure =
        failure(
            backend.search(
                new TraceQuery(
                    "usr\uD83D", FROM, TO, Optional.empty(), Optional.empty(), false, 20)));

    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage()).contains("broken character");
    assertThat(tempo.pending()).isZero();
  }

  @Test
  void search_blankUserId_isRefusedWithoutAskingTempo() {
    BackendFailure failure =
        failure(
            backend.search(
                new TraceQuery(" ", FROM, TO, Optional.empty(), Optional.empty(), false, 20)));

    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo("No user ID was given to search Tempo for; give the customer's user ID.");
    assertThat(tempo.pending()).isZero();
  }

  private static BackendFailure failure(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    return ((SearchResult.Failed) result).failure();
  }

  @Test
  void search_queryStringSent_isPlainAscii() throws Exception {
    backend.search(
        new TraceQuery("ユーザー \"x\"\n", FROM, TO, Optional.empty(), Optional.empty(), false, 20));

    String raw = tempo.takeRequest().query();
    assertThat(raw).matches("[A-Za-z0-9%+=&._*-]+");
  }
}
