package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.tracelookup.http.HttpFailure.Kind;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

final class BackendHttpTest {
  private static final BodyReader<String> TEXT =
      body -> new String(body.readAllBytes(), StandardCharsets.UTF_8);
  private final HttpClient client = HttpClient.newHttpClient();
  private final List<Duration> pauses = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (server != null) {
      server.close();
    }
  }

  private BackendHttp http(URI base, int attempts, long maxBody, Duration timeout) {
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            base,
            Map.of("X-Scope-OrgID", "acme"),
            timeout,
            Duration.ofSeconds(30),
            attempts,
            maxBody);
    return new BackendHttp(client, endpoint, Clock.systemUTC(), pauses::add);
  }

  private BackendHttp serving(
      java.util.function.Function<FakeHttpServer.RecordedRequest, Reply> router) throws Exception {
    server = new FakeHttpServer(router);
    return http(server.uri().resolve("/tempo"), 3, 1000, Duration.ofSeconds(5));
  }

  private static HttpFailure failure(HttpResult<?> result) {
    assertThat(result).isInstanceOf(HttpResult.Failed.class);
    return ((HttpResult.Failed<?>) result).failure();
  }

  @Test
  void get_ok_readsBodyAndSendsHeadersUnderTheBasePath() throws Exception {
    BackendHttp http = serving(request -> Reply.json("{\"traces\":[]}"));

    HttpResult<String> result = http.get("/api/search?q=x", "application/json", TEXT);

    assertThat(result).isEqualTo(new HttpResult.Ok<>("{\"traces\":[]}"));
    FakeHttpServer.RecordedRequest sent = server.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/tempo/api/search");
    assertThat(sent.query()).isEqualTo("q=x");
    assertThat(sent.header("X-Scope-OrgID")).isEqualTo("acme");
    assertThat(sent.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void get_404_isNotFoundWithoutRetry() throws Exception {
    BackendHttp http = serving(request -> Reply.status(404, "trace not found"));

    assertThat(http.get("/api/v2/traces/abc", "application/json", TEXT))
        .isInstanceOf(HttpResult.NotFound.class);
    assertThat(pauses).isEmpty();
  }

  @Test
  void get_429ThenOk_waitsRetryAfterAndSucceeds() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    BackendHttp http =
        serving(
            request ->
                calls.incrementAndGet() == 1
                    ? new Reply(429, "text/plain", "slow down", Map.of("Retry-After", "2"))
                    : Reply.json("ok"));

    HttpResult<String> result = http.get("/api/search", "application/json", TEXT);

    assertThat(result).isEqualTo(new HttpResult.Ok<>("ok"));
    assertThat(pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void get_429Always_isRateLimitedCarryingRetryAfter() throws Exception {
    BackendHttp http =
        serving(request -> new Reply(429, "text/plain", "", Map.of("Retry-After", "1")));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(failure.status()).hasValue(429);
    assertThat(server.pending()).isEqualTo(3);
  }

  @Test
  void get_429WithWaitBeyondBudget_givesUpAtOnce() throws Exception {
    BackendHttp http =
        serving(request -> new Reply(429, "text/plain", "", Map.of("Retry-After", "120")));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(pauses).isEmpty();
  }

  @Test
  void get_500ThenOk_retriesWithBackoff() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    BackendHttp http =
        serving(
            request -> calls.incrementAndGet() < 3 ? Reply.status(503, "busy") : Reply.json("ok"));

    assertThat(http.get("/api/search", "application/json", TEXT))
        .isEqualTo(new HttpResult.Ok<>("ok"));
    assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void get_503_underAPolicyThatDoesNotRetryServerErrors_failsAfterOneAttempt() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server =
        new FakeHttpServer(
            request -> calls.incrementAndGet() < 3 ? Reply.status(503, "busy") : Reply.json("ok"));
    RetryPolicy networkOnly =
        new RetryPolicy(
            3,
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            java.util.EnumSet.of(Kind.TIMEOUT, Kind.UNREACHABLE));
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            server.uri(),
            Map.of(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            networkOnly,
            1000);
    BackendHttp http = new BackendHttp(client, endpoint, Clock.systemUTC(), pauses::add);

    assertThat(failure(http.get("/api/search", "application/json", TEXT)).kind())
        .isEqualTo(Kind.SERVER_ERROR);
    assertThat(calls).hasValue(1);
    assertThat(pauses).isEmpty();
  }

  @Test
  void get_500ThenOk_underItsOwnBackoff_waitsWhatThePolicySays() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server =
        new FakeHttpServer(
            request -> calls.incrementAndGet() < 4 ? Reply.status(500, "oops") : Reply.json("ok"));
    RetryPolicy quick =
        new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(120), RetryPolicy.TRANSIENT);
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            server.uri(),
            Map.of(),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            quick,
            1000);
    BackendHttp http = new BackendHttp(client, endpoint, Clock.systemUTC(), pauses::add);

    assertThat(http.get("/api/search", "application/json", TEXT))
        .isEqualTo(new HttpResult.Ok<>("ok"));
    assertThat(pauses)
        .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(120));
  }

  @Test
  void get_whenEveryPlaceAtTheBackendIsTaken_waitsAtMostItsBudgetAndSendsNothing()
      throws Exception {
    AtomicInteger calls = new AtomicInteger();
    server =
        new FakeHttpServer(
            request -> {
              calls.incrementAndGet();
              return Reply.json("ok");
            });
    CallGate gate = CallGate.of(1);
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            server.uri(),
            Map.of(),
            Duration.ofSeconds(5),
            Duration.ofMillis(200),
            3,
            1000);
    BackendHttp http =
        new BackendHttp(client, endpoint, Clock.systemUTC(), pauses::add, Telemetry.noop(), gate);

    try (CallGate.Place taken = gate.enter(Duration.ZERO).orElseThrow()) {
      HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

      assertThat(failure.kind()).isEqualTo(Kind.BUSY);
      assertThat(failure.detail()).contains("1 requests", "backend.max-concurrent");
    }
    assertThat(calls).hasValue(0);
    assertThat(http.get("/api/search", "application/json", TEXT))
        .isEqualTo(new HttpResult.Ok<>("ok"));
    assertThat(gate.open()).isZero();
  }

  @Test
  void get_500Always_isServerErrorNamingPathAndStatusButNotTheQuery() throws Exception {
    BackendHttp http = serving(request -> Reply.status(500, "internal error"));

    HttpFailure failure = failure(http.get("/api/search?q=usr_secret", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(failure.detail())
        .isEqualTo("GET /api/search failed: 500 (internal error)")
        .doesNotContain("usr_secret");
    assertThat(failure.status()).hasValue(500);
    assertThat(server.pending()).isEqualTo(3);
  }

  @Test
  void get_400_isRejectedWithTheBackendsReasonAndNoRetry() throws Exception {
    BackendHttp http =
        serving(request -> Reply.status(400, "range specified by start and end exceeds 168h0m0s"));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.REJECTED);
    assertThat(failure.detail()).contains("exceeds 168h0m0s");
    assertThat(failure.status()).hasValue(400);
    assertThat(pauses).isEmpty();
  }

  @Test
  void get_connectionRefused_isUnreachableAfterRetries() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    BackendHttp http = http(URI.create("http://127.0.0.1:" + port), 2, 1000, Duration.ofSeconds(2));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure.status()).isEmpty();
    assertThat(pauses).hasSize(1);
  }

  @Test
  void get_noAnswerWithinTimeout_isTimeout() throws Exception {
    server =
        new FakeHttpServer(
            request -> {
              try {
                release.await();
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
              return Reply.json("late");
            });
    BackendHttp http = http(server.uri(), 1, 1000, Duration.ofMillis(300));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(failure.status()).isEmpty();
  }

  @Test
  void get_bodyOverLimit_isTooLarge() throws Exception {
    BackendHttp http = serving(request -> Reply.json("x".repeat(5000)));

    assertThat(failure(http.get("/api/search", "application/json", TEXT)).kind())
        .isEqualTo(Kind.TOO_LARGE);
  }

  @Test
  void get_readerFails_isMalformedWithoutRetry() throws Exception {
    BackendHttp http = serving(request -> Reply.json("{not json"));
    BodyReader<String> strict =
        body -> {
          throw new IOException("unexpected character");
        };

    assertThat(failure(http.get("/api/search", "application/json", strict)).kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(server.pending()).isEqualTo(1);
  }

  @Test
  void get_readerThrowsUnchecked_isStillAnAnswer() throws Exception {
    BackendHttp http = serving(request -> Reply.json("[]"));
    BodyReader<String> buggy =
        body -> {
          throw new ClassCastException("array where object expected");
        };

    // Issue 13: a reader that throws anything but an IOException has a bug; the answer says so.
    assertThat(failure(http.get("/api/search", "application/json", buggy)).kind())
        .isEqualTo(Kind.INTERNAL);
  }

  @Test
  void get_readerHasABug_isInternalNotMalformedAndLoggedAtErrorWithoutTheMessage()
      throws Exception {
    BackendHttp http = serving(request -> Reply.json("{\"user\":\"usr_k8x9m2\"}"));
    BodyReader<String> buggy =
        body -> {
          throw new IllegalStateException("no span for usr_k8x9m2");
        };
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    Logger log = (Logger) LoggerFactory.getLogger(StatusMapping.class);
    logged.start();
    log.addAppender(logged);

    HttpFailure failure;
    try {
      failure = failure(http.get("/api/search?user=usr_k8x9m2", "application/json", buggy));
    } finally {
      log.detachAppender(logged);
    }

    assertThat(failure.kind()).isEqualTo(Kind.INTERNAL);
    assertThat(failure.status()).hasValue(200);
    assertThat(failure.detail())
        .isEqualTo(
            "GET /api/search: the bot failed reading the answer (IllegalStateException); this is a"
                + " bug")
        .doesNotContain("unreadable");
    assertThat(server.pending()).isEqualTo(1);
    assertThat(logged.list)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getLevel()).isEqualTo(Level.ERROR);
              String thrown = ThrowableProxyUtil.asString(event.getThrowableProxy());
              assertThat(thrown)
                  .contains("java.lang.IllegalStateException")
                  .contains("BackendHttpTest");
              assertThat(event.getFormattedMessage() + thrown)
                  .contains("this is a bug")
                  .doesNotContain("usr_k8x9m2");
            });
  }

  @Test
  void get_readerAnswersNothing_isMalformed() throws Exception {
    BackendHttp http = serving(request -> Reply.json("{}"));

    HttpFailure failure = failure(http.get("/api/search", "application/json", body -> null));

    assertThat(failure.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(failure.detail()).isEqualTo("GET /api/search: empty answer");
  }

  @ParameterizedTest
  @CsvSource({
    "400, REJECTED",
    "401, REJECTED",
    "403, REJECTED",
    "409, REJECTED",
    "429, RATE_LIMITED",
    "500, SERVER_ERROR",
    "502, SERVER_ERROR",
    "503, SERVER_ERROR"
  })
  void get_failingStatus_isItsKindCarryingTheStatus(int status, Kind kind) throws Exception {
    BackendHttp http = serving(request -> Reply.status(status, "no"));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(kind);
    assertThat(failure.status()).hasValue(status);
    assertThat(failure.endpoint()).isEqualTo("Tempo");
    assertThat(failure.detail()).isEqualTo("GET /api/search failed: " + status + " (no)");
  }

  @Test
  void get_bodyOverLimit_isTooLargeCarryingTheStatus() throws Exception {
    BackendHttp http = serving(request -> Reply.json("x".repeat(5000)));

    HttpFailure failure = failure(http.get("/api/search", "application/json", TEXT));

    assertThat(failure.kind()).isEqualTo(Kind.TOO_LARGE);
    assertThat(failure.status()).hasValue(200);
  }

  @Test
  void endpoint_toString_hidesHeaderValues() {
    Endpoint endpoint =
        new Endpoint(
            "Tempo",
            URI.create("http://t"),
            Map.of("Authorization", "Bearer s3cret"),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            1,
            1);

    assertThat(endpoint.toString()).contains("Authorization").doesNotContain("s3cret");
  }
}
