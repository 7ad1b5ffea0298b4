package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.BackendFailure.Kind;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.trace.TestSpans;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way Tempo can fail ends in a value, for search and for fetch alike. */
final class TempoBackendFailureTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
  private static final TraceQuery QUERY =
      new TraceQuery(
          "usr_k8x9m2",
          Instant.parse("2026-02-06T14:00:00Z"),
          Instant.parse("2026-02-06T14:30:00Z"),
          Optional.empty(),
          Optional.empty(),
          false,
          20);
  private static final String TRACE_ID = TestSpans.TRACE_ID;

  private final List<Duration> pauses = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoBackendFailureTest() throws Exception {
    tempo = new FakeTempo();
    backend = tempo.backend(TempoOptions.defaults(), CLOCK, pauses);
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    tempo.close();
  }

  private TempoBackend backendAt(URI base, Duration timeout, int attempts, long maxBodyBytes) {
    Endpoint endpoint =
        new Endpoint(
            "Tempo", base, Map.of(), timeout, Duration.ofSeconds(10), attempts, maxBodyBytes);
    BackendHttp http = new BackendHttp(HttpClient.newHttpClient(), endpoint, CLOCK, pauses::add);
    return new TempoBackend(http, FakeTempo.USER_KEYS, TempoOptions.defaults(), CLOCK);
  }

  private static BackendFailure failure(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    return ((SearchResult.Failed) result).failure();
  }

  private static BackendFailure failure(FetchResult result) {
    assertThat(result).isInstanceOf(FetchResult.Failed.class);
    return ((FetchResult.Failed) result).failure();
  }

  @Test
  void searchAndFetch_connectionRefused_areUnreachable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    TempoBackend down =
        backendAt(URI.create("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2), 2, 1000);

    assertThat(failure(down.search(QUERY)).kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure(down.fetch(TRACE_ID)).kind()).isEqualTo(Kind.UNREACHABLE);
  }

  @Test
  void searchAndFetch_noAnswerInTime_areTimeouts() {
    tempo.answerAll(
        request -> {
          try {
            release.await();
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          return Reply.json(FakeTempo.EMPTY_SEARCH);
        });
    TempoBackend slow = backendAt(tempo.uri(), Duration.ofMillis(300), 1, 1 << 20);

    assertThat(failure(slow.search(QUERY)).kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(failure(slow.fetch(TRACE_ID)).kind()).isEqualTo(Kind.TIMEOUT);
  }

  @Test
  void search_400_isRejectedWithTempoReasonAndNotRetried() {
    tempo.answerAll(
        request ->
            Reply.status(
                400,
                "invalid TraceQL query: parse error at line 1, col 14: syntax error: unexpected"
                    + " IDENTIFIER"));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
    assertThat(failure.detail()).contains("invalid TraceQL query").doesNotContain("usr_k8x9m2");
    assertThat(tempo.pending()).isEqualTo(1);
  }

  @Test
  void fetch_401_isRejected() {
    tempo.answerAll(request -> Reply.status(401, "no org id"));

    assertThat(failure(backend.fetch(TRACE_ID)).kind()).isEqualTo(Kind.REJECTED);
  }

  @Test
  void searchAndFetch_403_areRejectedCarryingTheStatus() {
    tempo.answerAll(request -> Reply.status(403, "tenant not allowed"));

    BackendFailure search = failure(backend.search(QUERY));
    BackendFailure fetch = failure(backend.fetch(TRACE_ID));

    assertThat(search.kind()).isEqualTo(Kind.REJECTED);
    assertThat(search.status()).hasValue(403);
    assertThat(fetch.status()).hasValue(403);
  }

  @Test
  void searchAndFetch_500_areServerErrorsAfterRetries() {
    tempo.answerAll(request -> Reply.status(500, "rpc error: code = Unavailable"));

    assertThat(failure(backend.search(QUERY)).kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(failure(backend.fetch(TRACE_ID)).kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(tempo.pending()).isEqualTo(6);
  }

  @Test
  void searchAndFetch_429WithRetryAfter_areRateLimitedCarryingTheWait() {
    tempo.answerAll(
        request -> new Reply(429, "text/plain", "job queue full", Map.of("Retry-After", "3")));

    BackendFailure search = failure(backend.search(QUERY));
    BackendFailure fetch = failure(backend.fetch(TRACE_ID));

    assertThat(search.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(search.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(fetch.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(pauses).containsOnly(Duration.ofSeconds(3));
  }

  @Test
  void search_429ThenAnswer_waitsAndSucceeds() {
    AtomicInteger calls = new AtomicInteger();
    tempo.answerAll(
        request ->
            calls.incrementAndGet() == 1
                ? new Reply(429, "text/plain", "", Map.of("Retry-After", "1"))
                : Reply.json(FakeTempo.EMPTY_SEARCH));

    assertThat(backend.search(QUERY)).isInstanceOf(SearchResult.Found.class);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "",
        "[]",
        "\"traces\"",
        "{\"traces\":{}}",
        "{\"traces\":[1]}",
        "{\"traces\":[{\"traceID\":\"abc\"}",
        "{\"traces\":\"none\"}"
      })
  void search_malformedOrWrongTypes_isMalformed(String body) {
    tempo.answerAll(request -> Reply.json(body));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(tempo.pending()).isEqualTo(1);
  }

  @Test
  void searchAndFetch_deeplyNestedAnswer_isMalformedWithASentenceForTheAgent() {
    String nested = "{\"traces\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
    tempo.traceV2(TRACE_ID, "{\"trace\":" + "{\"a\":".repeat(10_000)).searchAnswers(nested);

    BackendFailure search = failure(backend.search(QUERY));
    BackendFailure fetch = failure(backend.fetch(TRACE_ID));

    assertThat(search.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(fetch.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(search.userMessage())
        .isEqualTo("Tempo sent an answer the bot could not read. Tell the team that runs the bot.");
  }

  @Test
  void search_entriesWithIdsOfTheWrongLengthOrType_areLeftOutWithAWarning() {
    tempo.answerAll(
        request ->
            Reply.json(
                "{\"traces\":["
                    + "{\"traceID\":\"4bf92f3577b34da6a3ce929d0e0e473600\",\"startTimeUnixNano\":\"1\"},"
                    + "{\"traceID\":12345,\"startTimeUnixNano\":\"2\"},"
                    + "{\"traceID\":\"not-hex\"},{\"startTimeUnixNano\":\"3\"},"
                    + "{\"traceID\":\"abc\",\"startTimeUnixNano\":{\"nanos\":1}}]}"));

    SearchResult result = backend.search(QUERY);

    SearchResult.Found found = (SearchResult.Found) result;
    assertThat(found.traces())
        .extracting(ref -> ref.traceId())
        .containsExactly("00000000000000000000000000000abc");
    assertThat(found.warnings())
        .containsExactly(
            "Tempo sent 4 trace IDs the bot could not read; those traces are left out.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "",
        "[]",
        "{\"trace\":{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[",
        "{\"trace\":{\"resourceSpans\":\"x\"}}",
        "{\"trace\":{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"S/kvNXezTaajzpKdDg5HNg==\","
            + "\"spanId\":\"AAAAAAAAAAAAAAE=\"}]}]}]}}",
        "{\"trace\":{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e473600\","
            + "\"spanId\":\"0000000000000001\"}]}]}]}}",
        "{\"trace\":{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"S/kvNXezTaajzpKdDg5HNg==\","
            + "\"spanId\":\"AAAAAAAAAAE=\",\"startTimeUnixNano\":\"soon\"}]}]}]}}"
      })
  void fetch_malformedWrongTypesOrIdsOfTheWrongLength_isMalformed(String body) {
    tempo.traceV2(TRACE_ID, body);

    assertThat(failure(backend.fetch(TRACE_ID)).kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void searchAndFetch_answerOverTheSizeLimit_areTooLarge() {
    tempo
        .traceV2(TRACE_ID, TempoJson.traceV2(TestSpans.orderPaymentFailure().spans()))
        .searchAnswers(
            "{\"traces\":["
                + "{\"traceID\":\"abc\",\"startTimeUnixNano\":\"1\"},".repeat(100)
                + "{\"traceID\":\"abc\"}]}");
    TempoBackend small = backendAt(tempo.uri(), Duration.ofSeconds(2), 3, 1000);

    assertThat(failure(small.search(QUERY)).kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(failure(small.fetch(TRACE_ID)).kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void fetch_traceVanishedBetweenSearchAndFetch_isNotFound() {
    tempo.searchAnswers(TempoSearchJson.search(List.of(TestSpans.orderPaymentFailure())));

    SearchResult.Found found = (SearchResult.Found) backend.search(QUERY);
    FetchResult fetched = backend.fetch(found.traces().get(0).traceId());

    assertThat(fetched).isEqualTo(new FetchResult.NotFound(TRACE_ID));
  }
}
