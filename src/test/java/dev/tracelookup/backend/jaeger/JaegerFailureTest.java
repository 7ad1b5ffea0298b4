package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.jaeger.JaegerTesting.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.BackendFailure.Kind;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every failure the Jaeger backend meets ends as a value, in both API modes. */
final class JaegerFailureTest {
  private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch release = new CountDownLatch(1);
  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (server != null) {
      server.close();
    }
  }

  private JaegerBackend serving(JaegerOptions.Api api, Function<RecordedRequest, Reply> router)
      throws Exception {
    server = new FakeHttpServer(router);
    return backend(api, JaegerTesting.http(server.uri(), pauses, 5_000_000));
  }

  private static JaegerBackend backend(JaegerOptions.Api api, BackendHttp http) {
    return new JaegerBackend(
        http,
        JaegerTesting.USER_KEYS,
        new JaegerOptions(api, List.of("api-gateway"), Optional.empty()));
  }

  private static BackendFailure searchFailure(JaegerBackend backend) {
    SearchResult result = backend.search(query());
    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    return ((SearchResult.Failed) result).failure();
  }

  private static Reply jaegerError(JaegerOptions.Api api, int status, String message) {
    return api == JaegerOptions.Api.V3
        ? FakeJaegerV3.error(status, message)
        : FakeJaegerV1.error(status, message);
  }

  private static Reply found(JaegerOptions.Api api, List<Trace> traces) {
    return api == JaegerOptions.Api.V3 ? FakeJaegerV3.ok(traces) : FakeJaegerV1.ok(traces);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_connectionRefused_isUnreachable(JaegerOptions.Api api) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JaegerBackend backend =
        backend(
            api, JaegerTesting.http(URI.create("http://127.0.0.1:" + closedPort), pauses, 1000));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure.backend()).isEqualTo("Jaeger");
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_noAnswerInTime_isTimeout(JaegerOptions.Api api) throws Exception {
    server =
        new FakeHttpServer(
            request -> {
              awaitRelease();
              return Reply.json("{}");
            });
    JaegerBackend backend =
        backend(api, JaegerTesting.http(server.uri(), pauses, 1000, Duration.ofMillis(150)));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_badRequest_isRejectedWithJaegersReasonAndNotRetried(JaegerOptions.Api api)
      throws Exception {
    JaegerBackend backend =
        serving(api, request -> jaegerError(api, 400, "malformed parameter end"));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
    assertThat(failure.detail()).contains("400", "malformed parameter end");
    assertThat(server.pending()).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_serverError_isRetriedThenAServerError(JaegerOptions.Api api) throws Exception {
    JaegerBackend backend = serving(api, request -> jaegerError(api, 503, "storage unavailable"));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(server.pending()).isEqualTo(6);
    assertThat(pauses)
        .containsExactly(
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(200),
            Duration.ofMillis(400));
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_rateLimited_waitsAsToldThenReportsTheWait(JaegerOptions.Api api) throws Exception {
    JaegerBackend backend =
        serving(
            api, request -> new Reply(429, "text/plain", "slow down", Map.of("Retry-After", "7")));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(7));
    assertThat(pauses).startsWith(Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_truncatedJson_isMalformed(JaegerOptions.Api api) throws Exception {
    String body =
        api == JaegerOptions.Api.V3
            ? "{\"result\":{\"resourceSpans\":[{"
            : "{\"data\":[{\"spans\":[";
    JaegerBackend backend = serving(api, request -> Reply.json(body));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_deeplyNestedAnswer_isMalformedWithASentenceForTheAgent(JaegerOptions.Api api)
      throws Exception {
    String body =
        (api == JaegerOptions.Api.V3 ? "{\"result\":" : "{\"data\":")
            + "[".repeat(10_000)
            + "]".repeat(10_000)
            + "}";
    JaegerBackend backend = serving(api, request -> Reply.json(body));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(failure.userMessage())
        .isEqualTo(
            "Jaeger sent an answer the bot could not read. Tell the team that runs the bot.");
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_uiPageInsteadOfJson_isMalformed(JaegerOptions.Api api) throws Exception {
    JaegerBackend backend =
        serving(
            api,
            request ->
                new Reply(
                    200,
                    "text/html",
                    "<!doctype html><html><head><title>Jaeger UI</title></head></html>",
                    Map.of()));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_wrongTypes_isMalformed(JaegerOptions.Api api) throws Exception {
    String body =
        api == JaegerOptions.Api.V3
            ? "{\"result\":{\"resourceSpans\":\"none\"}}"
            : "{\"data\":\"none\"}";
    JaegerBackend backend = serving(api, request -> Reply.json(body));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_traceIdOfTheWrongLength_isMalformed(JaegerOptions.Api api) throws Exception {
    String longId = "ab".repeat(24);
    String body =
        found(api, List.of(JaegerTesting.paymentFailure()))
            .body()
            .replace(TestSpans.TRACE_ID, longId);
    JaegerBackend backend = serving(api, request -> Reply.json(body));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void search_answerOverTheSizeLimit_isTooLarge(JaegerOptions.Api api) throws Exception {
    server = new FakeHttpServer(request -> found(api, List.of(JaegerTesting.paymentFailure())));
    JaegerBackend backend = backend(api, JaegerTesting.http(server.uri(), pauses, 1_000));

    BackendFailure failure = searchFailure(backend);

    assertThat(failure.kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void fetch_traceVanishedSinceTheSearch_isNotFound(JaegerOptions.Api api) throws Exception {
    JaegerBackend backend = serving(api, request -> jaegerError(api, 404, "trace not found"));

    FetchResult result = backend.fetch(TestSpans.TRACE_ID);

    assertThat(result).isEqualTo(new FetchResult.NotFound(TestSpans.TRACE_ID));
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void fetch_serverError_isFailed(JaegerOptions.Api api) throws Exception {
    JaegerBackend backend = serving(api, request -> jaegerError(api, 500, "boom"));

    FetchResult result = backend.fetch(TestSpans.TRACE_ID);

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) result).failure().kind()).isEqualTo(Kind.SERVER_ERROR);
  }

  @ParameterizedTest
  @EnumSource(JaegerOptions.Api.class)
  void fetch_malformedAnswer_isFailedNotThrown(JaegerOptions.Api api) throws Exception {
    JaegerBackend backend =
        serving(
            api,
            request ->
                Reply.json(
                    "{\"data\":[{\"spans\":[{\"spanID\":true}]}],\"result\":{\"resourceSpans\":"
                        + "[{\"scopeSpans\":[{\"spans\":[{\"spanId\":{}}]}]}]}}"));

    FetchResult result = backend.fetch(TestSpans.TRACE_ID);

    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    assertThat(((FetchResult.Failed) result).failure().kind()).isEqualTo(Kind.MALFORMED);
  }

  private void awaitRelease() {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
