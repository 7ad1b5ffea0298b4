package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.zipkin.ZipkinSpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.BackendFailure.Kind;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every way Zipkin can fail ends as a value an agent can be told about. */
final class ZipkinBackendFailureTest {
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final TraceQuery QUERY =
      new TraceQuery(
          "usr_k8x9m2",
          Instant.parse("2026-02-06T14:00:00Z"),
          Instant.parse("2026-02-06T14:30:00Z"),
          Optional.empty(),
          Optional.empty(),
          false,
          20);

  private final List<Duration> pauses = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final FakeZipkin zipkin;
  private final ZipkinBackend backend;

  ZipkinBackendFailureTest() throws Exception {
    zipkin = new FakeZipkin();
    backend = TestZipkinBackends.against(zipkin.uri(), pauses);
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    zipkin.close();
  }

  private static BackendFailure failure(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    return ((SearchResult.Failed) result).failure();
  }

  private void addWriteUpTrace() {
    zipkin.add(
        List.of(
            span(TRACE_ID, "00f067aa0ba902b7")
                .kind("SERVER")
                .service("order-svc")
                .at(Instant.parse("2026-02-06T14:17:23Z"))
                .duration(Duration.ofSeconds(2))
                .tag("user.id", "usr_k8x9m2")
                .build()));
  }

  @Test
  void search_connectionRefused_isUnreachableAfterOneRetryPerKey() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ZipkinBackend closed =
        TestZipkinBackends.against(URI.create("http://127.0.0.1:" + port), pauses);

    BackendFailure failure = failure(closed.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure.userMessage()).startsWith("Zipkin could not be reached.");
    // Both keys are searched at once in the bot, so each key's search retries on its own.
    assertThat(pauses).hasSize(2);
  }

  @Test
  void search_noAnswerInTime_isTimeout() {
    zipkin.answer(
        request -> {
          try {
            release.await();
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          return Optional.of(Reply.json("[]"));
        });
    ZipkinBackend slow =
        TestZipkinBackends.against(zipkin.uri(), pauses, Duration.ofMillis(300), 1_000_000);

    BackendFailure failure = failure(slow.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(failure.detail()).doesNotContain("usr_k8x9m2");
  }

  @Test
  void search_badRequest_isRejectedWithZipkinsReasonAndNoRetry() {
    zipkin.answerAll(Reply.status(400, "lookback <= 0"));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
    assertThat(failure.detail()).isEqualTo("GET /api/v2/traces failed: 400 (lookback <= 0)");
    assertThat(pauses).isEmpty();
  }

  @Test
  void search_serverError_isServerErrorAfterARetryPerKey() {
    zipkin.answerAll(Reply.status(500, "Cannot connect to elasticsearch"));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(pauses).hasSize(2);
  }

  @Test
  void search_rateLimitedBeyondTheBudget_isRateLimitedWithTheServersWait() {
    zipkin.answerAll(new Reply(429, "text/plain", "slow down", Map.of("Retry-After", "7")));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(failure.userMessage()).endsWith("try again in 7 s.");
  }

  @Test
  void search_rateLimitedOnce_waitsAndFindsTheTrace() {
    addWriteUpTrace();
    AtomicInteger calls = new AtomicInteger();
    zipkin.answer(
        request ->
            calls.getAndIncrement() > 0
                ? Optional.empty()
                : Optional.of(new Reply(429, "text/plain", "", Map.of("Retry-After", "1"))));

    SearchResult result = backend.search(QUERY);

    assertThat(((SearchResult.Found) result).traces())
        .extracting(TraceRef::traceId)
        .containsExactly(TRACE_ID);
    assertThat(pauses).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void search_notJson_isMalformed() {
    zipkin.answerAll(Reply.json("<html>proxy error</html>"));

    assertThat(failure(backend.search(QUERY)).kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void search_deeplyNestedAnswer_isMalformedWithASentenceForTheAgent() {
    zipkin.answerAll(Reply.json("[".repeat(10_000) + "]".repeat(10_000)));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(failure.userMessage())
        .isEqualTo(
            "Zipkin sent an answer the bot could not read. Tell the team that runs the bot.");
  }

  @Test
  void search_objectInsteadOfTraceList_isMalformed() {
    zipkin.answerAll(Reply.json("{\"data\":[],\"errors\":null}"));

    assertThat(failure(backend.search(QUERY)).kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void search_traceIdOfTheWrongLength_isMalformed() {
    zipkin.answerAll(
        Reply.json(
            "[[{\"traceId\":\"4bf92f3577b34da6a3ce929d0e0e47361\",\"id\":\"00f067aa0ba902b7\"}]]"));

    assertThat(failure(backend.search(QUERY)).kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void search_answerOverTheSizeLimit_isTooLarge() {
    String span = "{\"traceId\":\"" + TRACE_ID + "\",\"id\":\"00f067aa0ba902b7\"}";
    zipkin.answerAll(Reply.json("[[" + (span + ",").repeat(100) + span + "]]"));
    ZipkinBackend small =
        TestZipkinBackends.against(zipkin.uri(), pauses, Duration.ofSeconds(2), 1_000);

    assertThat(failure(small.search(QUERY)).kind()).isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void search_notFound_isRejectedWithAHintAboutTheBaseUrl() {
    zipkin.answerAll(Reply.status(404, ""));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
    assertThat(failure.detail()).contains("is the base URL Zipkin's API root?");
  }

  @Test
  void search_secondKeyFails_showsWhatTheFirstFoundWithAWarning() {
    addWriteUpTrace();

    SearchResult.Found found = searchFailingWhere("annotationQuery=enduser.id");

    assertThat(found.traces()).extracting(TraceRef::traceId).containsExactly(TRACE_ID);
    assertThat(found.warnings())
        .singleElement()
        .asString()
        .startsWith(
            "The search by enduser.id failed, so traces that carry the user ID only there may be"
                + " missing: Zipkin failed while searching.");
  }

  @Test
  void search_firstKeyFailsSecondAnswers_showsWhatTheSecondFoundWithAWarning() {
    zipkin.add(
        List.of(
            span(TRACE_ID, "00f067aa0ba902b7")
                .at(Instant.parse("2026-02-06T14:17:23Z"))
                .tag("enduser.id", "usr_k8x9m2")
                .build()));

    SearchResult.Found found = searchFailingWhere("annotationQuery=user.id");

    assertThat(found.traces()).extracting(TraceRef::traceId).containsExactly(TRACE_ID);
    assertThat(found.warnings())
        .singleElement()
        .asString()
        .startsWith("The search by user.id failed, so traces that carry the user ID only there");
  }

  /** Searches while Zipkin answers 503 to the search whose query has the text, as itself else. */
  private SearchResult.Found searchFailingWhere(String queryText) {
    zipkin.answer(
        request ->
            request.query().contains(queryText)
                ? Optional.of(Reply.status(503, ""))
                : Optional.empty());
    return (SearchResult.Found) backend.search(QUERY);
  }

  @Test
  void search_everyKeyFails_isTheFirstKeysFailure() {
    zipkin.answer(
        request ->
            Optional.of(
                request.query().contains("annotationQuery=user.id")
                    ? Reply.status(503, "")
                    : Reply.status(400, "bad")));

    BackendFailure failure = failure(backend.search(QUERY));

    assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
  }

  @Test
  void fetch_traceVanishedSinceTheSearch_isNotFound() {
    FetchResult result = backend.fetch(TRACE_ID);

    assertThat(result).isEqualTo(new FetchResult.NotFound(TRACE_ID));
  }

  @Test
  void fetch_upperCaseId_sendsLowerCaseAndReadsTheTrace() throws Exception {
    addWriteUpTrace();

    FetchResult result = backend.fetch(TRACE_ID.toUpperCase());

    assertThat(zipkin.takeRequest().path()).isEqualTo("/api/v2/trace/" + TRACE_ID);
    assertThat(((FetchResult.Fetched) result).trace().spans()).hasSize(1);
    assertThat(((FetchResult.Fetched) result).partial()).isFalse();
  }

  @Test
  void fetch_64BitTraceByItsPaddedId_findsIt() {
    zipkin.add(
        List.of(
            span("a3ce929d0e0e4736", "00f067aa0ba902b7")
                .at(Instant.parse("2026-02-06T14:17:23Z"))
                .build()));

    FetchResult result = backend.fetch("0000000000000000a3ce929d0e0e4736");

    assertThat(((FetchResult.Fetched) result).trace().traceId())
        .isEqualTo("0000000000000000a3ce929d0e0e4736");
  }

  @Test
  void fetch_idThatIsNotHex_isNotFoundWithoutACall() {
    FetchResult result = backend.fetch("../../api/v2/services");

    assertThat(result).isEqualTo(new FetchResult.NotFound("../../api/v2/services"));
    assertThat(zipkin.pendingRequests()).isZero();
  }

  @Test
  void fetch_emptySpanList_isNotFound() {
    zipkin.answerAll(Reply.json("[]"));

    assertThat(backend.fetch(TRACE_ID)).isInstanceOf(FetchResult.NotFound.class);
  }

  @Test
  void fetch_serverError_isFailed() {
    zipkin.answerAll(Reply.status(502, "bad gateway"));

    FetchResult result = backend.fetch(TRACE_ID);

    assertThat(((FetchResult.Failed) result).failure().kind()).isEqualTo(Kind.SERVER_ERROR);
  }

  @Test
  void fetch_wrongTypes_isMalformed() {
    zipkin.answerAll(
        Reply.json(
            "[{\"traceId\":\""
                + TRACE_ID
                + "\",\"id\":\"00f067aa0ba902b7\",\"duration\":\"long\"}]"));

    FetchResult result = backend.fetch(TRACE_ID);

    assertThat(((FetchResult.Failed) result).failure().kind()).isEqualTo(Kind.MALFORMED);
  }
}
