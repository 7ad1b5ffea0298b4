package dev.tracelookup.backend.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile user IDs reach Jaeger only as a JSON string inside one percent-encoded parameter: the
 * exact query string is checked, and the fake, decoding it as Go does, finds exactly that user.
 */
final class JaegerInjectionTest {
  private static final String V1_WINDOW = "&start=1770386400000000&end=1770388200000000&limit=20";
  private static final String V3_WINDOW =
      "query.startTimeMin=2026-02-06T14%3A00%3A00Z&query.start_time_min=2026-02-06T14%3A00%3A00Z"
          + "&query.startTimeMax=2026-02-06T14%3A30%3A00Z"
          + "&query.start_time_max=2026-02-06T14%3A30%3A00Z"
          + "&query.searchDepth=20&query.num_traces=20";
  private static final String JSON_START = "%7B%22user.id%22%3A%22";
  private static final String JSON_END = "%22%7D";
  private static final String TRACE = "00000000000000000000000000000bad";

  private final List<Duration> pauses = new ArrayList<>();
  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  /** Each hostile ID and how its JSON string value must look, percent-encoded. */
  static Stream<Arguments> corpus() {
    return Stream.of(
        Arguments.of("double quote", "a\"b", "a%5C%22b"),
        Arguments.of("backslash", "a\\b", "a%5C%5Cb"),
        Arguments.of(
            "braces closing the object",
            "x\"}{\"user.id\":\"y",
            "x%5C%22%7D%7B%5C%22user.id%5C%22%3A%5C%22y"),
        Arguments.of("query-language or", "usr_1\" || true", "usr_1%5C%22%20%7C%7C%20true"),
        Arguments.of("comments", "a//b/*c*/", "a%2F%2Fb%2F*c*%2F"),
        Arguments.of("newline", "a\nb", "a%5Cnb"),
        Arguments.of("tab and carriage return", "a\t\rb", "a%5Ct%5Crb"),
        Arguments.of("NUL", "a\u0000b", "a%5Cu0000b"),
        Arguments.of("unicode", "ünï😀", "%C3%BCn%C3%AF%F0%9F%98%80"),
        Arguments.of("line separator", "a\u2028b", "a%E2%80%A8b"),
        Arguments.of("query breakers", "x&service=evil#frag", "x%26service%3Devil%23frag"),
        Arguments.of("plus, space, percent", "a+b c%20", "a%2Bb%20c%2520"),
        Arguments.of("512 escaped characters", "\"".repeat(512), "%5C%22".repeat(512)));
  }

  private static TraceQuery query(String userId) {
    return new TraceQuery(
        userId,
        JaegerTesting.FROM,
        JaegerTesting.TO,
        Optional.empty(),
        Optional.empty(),
        false,
        20);
  }

  private static List<String> found(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    return ((SearchResult.Found) result).traces().stream().map(ref -> ref.traceId()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void v1Search_hostileId_isOneJsonStringInTheTagsParameter(
      String name, String userId, String encoded) throws Exception {
    FakeJaegerV1 jaeger = new FakeJaegerV1();
    servers.add(jaeger);
    jaeger.add(user(userId), JaegerTesting.okTrace(JaegerTesting.OTHER_TRACE, "user.id", "a", 0));
    JaegerBackend backend =
        JaegerTesting.backend(jaeger.uri(), JaegerTesting.v1("api-gateway"), pauses);

    SearchResult result = backend.search(query(userId));

    assertThat(jaeger.takeRequest().query())
        .isEqualTo("service=api-gateway&tags=" + JSON_START + encoded + JSON_END + V1_WINDOW);
    assertThat(found(result)).containsExactly(TRACE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void v3Search_hostileId_isOneJsonStringInTheAttributesParameter(
      String name, String userId, String encoded) throws Exception {
    FakeJaegerV3 jaeger = new FakeJaegerV3();
    servers.add(jaeger);
    jaeger.add(user(userId), JaegerTesting.okTrace(JaegerTesting.OTHER_TRACE, "user.id", "a", 0));
    JaegerBackend backend = JaegerTesting.backend(jaeger.uri(), JaegerTesting.v3(), pauses);

    SearchResult result = backend.search(query(userId));

    assertThat(jaeger.takeRequest().query())
        .isEqualTo(V3_WINDOW + "&query.attributes=" + JSON_START + encoded + JSON_END);
    assertThat(found(result)).containsExactly(TRACE);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_tenThousandCharacterId_isRefusedWithoutACall(JaegerOptions.Api api) throws Exception {
    FakeJaegerV3 jaeger = new FakeJaegerV3();
    servers.add(jaeger);
    JaegerBackend backend =
        JaegerTesting.backend(
            jaeger.uri(), new JaegerOptions(api, List.of("api-gateway"), Optional.empty()), pauses);

    SearchResult result = backend.search(query("k".repeat(10_000)));

    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    BackendFailure failure = ((SearchResult.Failed) result).failure();
    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo(
            "The user ID is 10000 characters long, and the bot sends Jaeger user IDs of up to 512"
                + " characters. Check that the whole ID, and only the ID, was given.");
    assertThat(jaeger.pending()).isZero();
  }

  private static Trace user(String userId) {
    return JaegerTesting.okTrace(TRACE, "user.id", userId, 0);
  }
}
