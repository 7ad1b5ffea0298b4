package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.zipkin.ZipkinSpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Zipkin's annotation query cannot escape: every ID either reaches it exactly as typed, or is
 * refused with a sentence and nothing is sent.
 */
final class ZipkinQuerySafetyTest {
  private static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");
  private static final String SAFE_SET =
      "only letters, digits and _ . : @ + - are safe. "
          + "Check the user ID for a typo or a paste accident.";

  private final FakeZipkin zipkin;
  private final ZipkinBackend backend;

  ZipkinQuerySafetyTest() throws Exception {
    zipkin = new FakeZipkin();
    backend = TestZipkinBackends.against(zipkin.uri(), new ArrayList<>());
  }

  @AfterEach
  void stop() throws Exception {
    zipkin.close();
  }

  private SearchResult search(String userId, boolean errorsOnly) {
    return backend.search(
        new TraceQuery(userId, FROM, TO, Optional.empty(), Optional.empty(), errorsOnly, 20));
  }

  static Stream<Arguments> unsafeIds() {
    return Stream.of(
        refused("space", "usr k8x9m2", "spaces or other whitespace"),
        refused("and error", "usr_k8x9m2 and error", "spaces or other whitespace"),
        refused("equals", "usr=1", "'=' (it separates tag and value)"),
        refused("second term", "x and user.id=usr_k8x9m2", "spaces or other whitespace"),
        refused("double quote", "usr\"k8", "'\"'"),
        refused("single quote", "'usr'", "\"'\""),
        refused("backslash", "usr\\k8", "'\\'"),
        refused("braces", "{usr}", "'{'"),
        refused("or", "usr||1", "'|'"),
        refused("line comment", "usr//x", "'/'"),
        refused("block comment", "/*usr*/", "'/'"),
        refused("newline", "usr\nk8", "spaces or other whitespace"),
        refused("carriage return", "usr\r", "spaces or other whitespace"),
        refused("tab", "usr\tk8", "spaces or other whitespace"),
        refused("no-break space", "usr\u00a0k8", "spaces or other whitespace"),
        refused("NUL", "usr\u0000k8", "control characters"),
        refused("escape", "usr\u001bk8", "control characters"),
        refused("zero-width space", "usr\u200bk8", "control characters"),
        refused("accent", "usré", "non-ASCII characters such as U+00E9"),
        refused("emoji", "usr😀", "non-ASCII characters such as U+1F600"),
        refused("fullwidth letter", "ｕsr", "non-ASCII characters such as U+FF55"),
        refused("percent", "usr%20k8", "'%'"),
        refused("ampersand", "usr&limit=1", "'&'"),
        refused("hash", "usr#1", "'#'"),
        refused("question mark", "usr?1", "'?'"),
        refused("comma", "usr,1", "','"));
  }

  private static Arguments refused(String name, String userId, String what) {
    return Arguments.of(named(name, userId), what);
  }

  @ParameterizedTest
  @MethodSource("unsafeIds")
  void search_unsafeId_isRefusedWithAReasonAndNothingIsSent(String userId, String what) {
    SearchResult result = search(userId, false);

    BackendFailure failure = ((SearchResult.Failed) result).failure();
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.backend()).isEqualTo("Zipkin");
    assertThat(failure.userMessage())
        .isEqualTo(
            "Zipkin cannot search for IDs containing "
                + what
                + ", because its annotation query cannot escape anything; "
                + SAFE_SET);
    assertThat(zipkin.pendingRequests()).isZero();
  }

  @Test
  void search_tenThousandCharacterId_isRefusedWithoutSending() {
    SearchResult result = search("a".repeat(10_000), true);

    assertThat(((SearchResult.Failed) result).failure().userMessage())
        .isEqualTo(
            "Zipkin cannot search for IDs longer than 128 characters, and this one has 10000."
                + " Check that only the user ID was pasted.");
    assertThat(zipkin.pendingRequests()).isZero();
  }

  @Test
  void search_emptyId_isRefusedWithoutSending() {
    SearchResult result = search("", false);

    assertThat(((SearchResult.Failed) result).failure().userMessage())
        .isEqualTo(
            "The user ID is empty, so there is nothing to search Zipkin for. Give the customer's"
                + " user ID.");
    assertThat(zipkin.pendingRequests()).isZero();
  }

  static Stream<Arguments> safeIds() {
    return Stream.of(
        Arguments.of("usr_k8x9m2", "usr_k8x9m2"),
        Arguments.of("and", "and"),
        Arguments.of("AND", "AND"),
        Arguments.of("error", "error"),
        Arguments.of("usr+1@shop.example:eu-1", "usr%2B1%40shop.example%3Aeu-1"),
        Arguments.of("-.-", "-.-"),
        Arguments.of("a".repeat(128), "a".repeat(128)));
  }

  @ParameterizedTest
  @MethodSource("safeIds")
  void search_safeId_isSentExactlyAsTyped(String userId, String encoded) throws Exception {
    search(userId, true);

    assertThat(zipkin.takeRequest().query())
        .startsWith("annotationQuery=user.id%3D" + encoded + "%20and%20error&endTs=");
  }

  @Test
  void search_idThatIsTheWordAnd_findsItsFailingTrace() {
    zipkin.add(
        List.of(
            span("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")
                .service("order-svc")
                .at(Instant.parse("2026-02-06T14:17:23Z"))
                .duration(Duration.ofSeconds(1))
                .tag("user.id", "and")
                .tag("error", "")
                .build()));

    SearchResult result = search("and", true);

    assertThat(((SearchResult.Found) result).traces())
        .extracting(TraceRef::traceId)
        .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736");
  }
}
