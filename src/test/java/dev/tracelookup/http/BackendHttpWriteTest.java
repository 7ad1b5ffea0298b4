package dev.tracelookup.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.HttpFailure.Kind;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes: one attempt each, whatever comes back, since a second could write twice. */
final class BackendHttpWriteTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final CountDownLatch release = new CountDownLatch(1);
  private FakeHttpServer server;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    server.close();
  }

  private BackendHttp http(Reply reply, boolean hang) throws Exception {
    server =
        new FakeHttpServer(
            request -> {
              if (hang) {
                try {
                  release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                  Thread.currentThread().interrupt();
                }
              }
              return reply;
            });
    Endpoint endpoint =
        new Endpoint(
            "Zendesk",
            server.uri(),
            Map.of("Authorization", "Basic abc"),
            Duration.ofMillis(300),
            Duration.ofSeconds(5),
            3,
            1_000_000);
    return new BackendHttp(HttpClient.newHttpClient(), endpoint, Clock.systemUTC(), pause -> {});
  }

  @Test
  void write_created_sendsTheJsonOnceWithTheEndpointsHeadersAndReadsTheAnswer() throws Exception {
    BackendHttp http = http(new Reply(201, "application/json", "{\"id\":7}", Map.of()), false);

    HttpResult<String> result =
        http.write(
            "POST",
            "/api/v2/tickets/77/notes?x=1",
            "{\"private\":true}",
            body -> new String(body.readAllBytes(), StandardCharsets.UTF_8));

    assertThat(result).isEqualTo(new HttpResult.Ok<>("{\"id\":7}"));
    RecordedRequest sent = server.takeRequest(WAIT);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.body()).isEqualTo("{\"private\":true}");
    assertThat(sent.header("Content-Type")).startsWith("application/json");
    assertThat(sent.header("Authorization")).isEqualTo("Basic abc");
  }

  @Test
  void write_serverError_isNotRetried() throws Exception {
    BackendHttp http = http(Reply.status(503, "busy"), false);

    HttpResult<String> result = http.write("PUT", "/api/v2/tickets/1.json", "{}", body -> "");

    assertThat(((HttpResult.Failed<String>) result).failure().kind()).isEqualTo(Kind.SERVER_ERROR);
    assertThat(((HttpResult.Failed<String>) result).failure().detail())
        .startsWith("PUT /api/v2/tickets/1.json failed: 503");
    server.takeRequest(WAIT);
    assertThat(server.pending()).isZero();
  }

  @Test
  void write_noAnswerInTime_timesOutOnceWithoutRetrying() throws Exception {
    BackendHttp http = http(Reply.json("{}"), true);

    HttpResult<String> result = http.write("PUT", "/api/v2/tickets/1.json", "{}", body -> "");

    assertThat(((HttpResult.Failed<String>) result).failure().kind()).isEqualTo(Kind.TIMEOUT);
    release.countDown();
    server.takeRequest(WAIT);
    assertThat(server.pending()).isZero();
  }

  @Test
  void write_rateLimited_carriesTheWaitAskedFor() throws Exception {
    BackendHttp http =
        http(new Reply(429, "application/json", "{}", Map.of("Retry-After", "17")), false);

    HttpResult<String> result = http.write("POST", "/conversations/1/reply", "{}", body -> "");

    HttpFailure failure = ((HttpResult.Failed<String>) result).failure();
    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(failure.status()).hasValue(429);
    server.takeRequest(WAIT);
    assertThat(server.pending()).isZero();
  }
}
