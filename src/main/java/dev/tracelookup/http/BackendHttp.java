package dev.tracelookup.http;

import dev.tracelookup.http.HttpFailure.Kind;
import dev.tracelookup.telemetry.Telemetry;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GETs from a backend with everything a flaky network needs: per-attempt timeouts, retries of
 * idempotent reads with exponential backoff, {@code Retry-After} on 429, all inside one budget so a
 * lookup still answers in time; and a size limit on the streamed body.
 *
 * <p>Failure details name the backend, the path and the status, never the query string, which
 * carries the customer's ID.
 */
public final class BackendHttp {
  private static final Logger log = LoggerFactory.getLogger(BackendHttp.class);

  /** Waits between attempts; tests pass one that records instead of waiting. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;

    /** Waits; returns false, with the thread's interrupt flag restored, when interrupted. */
    default boolean waited(Duration duration) {
      try {
        pause(duration);
        return true;
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private final HttpClient client;
  private final Endpoint endpoint;
  private final Clock clock;
  private final Pause pause;
  private final HttpSpans spans;
  private final CallGate gate;

  /** Returns a client that records no telemetry. */
  public BackendHttp(HttpClient client, Endpoint endpoint, Clock clock, Pause pause) {
    this(client, endpoint, clock, pause, Telemetry.noop());
  }

  /**
   * @param telemetry records a client span and the duration of every attempt
   */
  public BackendHttp(
      HttpClient client, Endpoint endpoint, Clock clock, Pause pause, Telemetry telemetry) {
    this(client, endpoint, clock, pause, telemetry, CallGate.unlimited());
  }

  /**
   * @param telemetry records a client span and the duration of every attempt
   * @param gate how many requests may be open at the endpoint at once; the others wait their turn
   */
  public BackendHttp(
      HttpClient client,
      Endpoint endpoint,
      Clock clock,
      Pause pause,
      Telemetry telemetry,
      CallGate gate) {
    this.client = client;
    this.endpoint = endpoint;
    this.clock = clock;
    this.pause = pause;
    this.spans = new HttpSpans(telemetry, endpoint);
    this.gate = gate;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /**
   * GETs the path (with its query) and reads a 2xx body with the reader.
   *
   * <p>Inside a {@link CallScope}, the call also ends when the scope's time is spent or the scope
   * is aborted, and the body is charged to the scope's share of the read budget as it streams.
   */
  public <T> HttpResult<T> get(String pathAndQuery, String accept, BodyReader<T> reader) {
    String path = pathOnly(pathAndQuery);
    Optional<CallScope> scope = CallScope.current();
    Instant deadline =
        clock
            .instant()
            .plus(min(endpoint.budget(), scope.map(CallScope::left).orElse(endpoint.budget())));
    HttpFailure told = null;
    try (BudgetedRead budget = BudgetedRead.of(scope)) {
      for (int number = 1; number <= endpoint.maxAttempts(); number++) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero() || scope.map(CallScope::over).orElse(false)) {
          break;
        }
        Optional<CallGate.Place> place = gate.enter(left);
        if (place.isEmpty()) {
          // A retry that found no place says less than the failure that made it retry.
          told = told != null ? told : queued(path, left);
          break;
        }
        Attempt<T> attempt;
        Duration timeout;
        try (CallGate.Place held = place.get()) {
          // The wait for a place is the lookup's time, not the attempt's: timed after the wait.
          timeout = min(endpoint.timeout(), Duration.between(clock.instant(), deadline));
          if (timeout.isNegative() || timeout.isZero()) {
            told = told != null ? told : queued(path, left);
            break;
          }
          attempt = once(pathAndQuery, path, accept, reader, number, timeout, scope, budget);
          scope.ifPresent(owner -> owner.gated(held.waited(), held.held()));
        }
        if (attempt.result().isPresent()) {
          attempt.result().filter(HttpResult.Ok.class::isInstance).ifPresent(ok -> budget.keep());
          return attempt.result().get();
        }
        told = worthTelling(told, attempt.failure(), timeout.compareTo(endpoint.timeout()) < 0);
        if (!attempt.gaveWay() && !endpoint.retry().retries(attempt.failure().kind())) {
          break;
        }
        budget.reset();
        if (attempt.gaveWay()) {
          // Not the backend's failure: no attempt spent, no backoff; it waits its turn for room
          // instead.
          if (!budget.mayStartOver()) {
            break;
          }
          number--;
          continue;
        }
        Duration wait = attempt.retryAfter().orElse(endpoint.retry().backoff(number));
        if (number == endpoint.maxAttempts()
            || clock.instant().plus(wait).isAfter(deadline)
            || !pause.waited(wait)) {
          break;
        }
        log.debug(
            "{} GET {} attempt {} failed ({}); retrying in {} ms",
            endpoint.backendName(),
            path,
            number,
            attempt.failure().kind(),
            wait.toMillis());
      }
    }
    return new HttpResult.Failed<>(
        told == null
            ? HttpFailure.of(
                Kind.TIMEOUT, endpoint.backendName(), "GET " + path + ": no time left to try")
            : told);
  }

  /**
   * A last attempt that ran out of the little time left says less than the failure before it: a
   * backend answering 503 is "failing", not "slow", even if the retry was cut by the deadline.
   */
  private static HttpFailure worthTelling(
      HttpFailure before, HttpFailure latest, boolean cutShort) {
    return before != null && cutShort && latest.kind() == Kind.TIMEOUT ? before : latest;
  }

  /**
   * Sends one write ({@code POST}, {@code PUT}) with a JSON body and reads a 2xx answer with the
   * reader. Exactly one attempt, within the endpoint's timeout: a write is never retried here,
   * since one that timed out may have landed, and a second would write twice.
   */
  public <T> HttpResult<T> write(
      String method, String pathAndQuery, String json, BodyReader<T> reader) {
    return WriteCall.send(client, endpoint, method, pathAndQuery, json, reader);
  }

  /**
   * GETs the path once, without retry, within the endpoint's timeout, and tells whether the backend
   * answered 2xx; the body is not read. For readiness checks: the path must be cheap to serve and
   * carry no customer data.
   *
   * @return empty when the backend answered 2xx; otherwise why not, a 404 included ({@link
   *     Kind#NOT_FOUND}), since the path is one the backend must serve
   */
  public Optional<HttpFailure> check(String path) {
    Attempt<Boolean> attempt =
        once(
            path,
            pathOnly(path),
            "*/*",
            body -> Boolean.TRUE,
            1,
            endpoint.timeout(),
            Optional.empty(),
            BudgetedRead.of(Optional.empty()));
    return attempt
        .failed()
        .or(
            () ->
                attempt.result().get() instanceof HttpResult.NotFound
                    ? Optional.of(
                        failure(
                            Kind.NOT_FOUND, OptionalInt.of(404), pathOnly(path), "not found (404)"))
                    : Optional.empty());
  }

  private <T> Attempt<T> once(
      String pathAndQuery,
      String path,
      String accept,
      BodyReader<T> reader,
      int number,
      Duration timeout,
      Optional<CallScope> scope,
      BudgetedRead budget) {
    try {
      // Before the request: a lookup waiting for room must not make the backend produce an answer
      // yet.
      budget.admit();
    } catch (ReadBudget.Refused refused) {
      return Attempt.done(
          new HttpResult.Failed<>(
              StatusMapping.refusal(refused, endpoint.backendName(), OptionalInt.empty(), path)));
    }
    HttpSpans.Call call = spans.start(path, number);
    Attempt<T> attempt = send(pathAndQuery, path, accept, reader, timeout, call, scope, budget);
    call.end(attempt.failed());
    return attempt;
  }

  private <T> Attempt<T> send(
      String pathAndQuery,
      String path,
      String accept,
      BodyReader<T> reader,
      Duration timeout,
      HttpSpans.Call call,
      Optional<CallScope> scope,
      BudgetedRead budget) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
            .timeout(timeout)
            .GET()
            .header("Accept", accept);
    endpoint.headers().forEach(request::header);
    CompletableFuture<HttpResponse<InputStream>> exchange =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (AttemptWatch watch = new AttemptWatch(timeout, exchange, scope)) {
      HttpResponse<InputStream> response;
      try {
        response = exchange.get();
      } catch (CancellationException ended) {
        return ended(watch, path, timeout, OptionalInt.empty());
      } catch (ExecutionException failed) {
        // Cancelling an exchange fails it with whatever the client was doing then: the watch says
        // why.
        return watch.ending() != AttemptWatch.Ending.NONE
            ? ended(watch, path, timeout, OptionalInt.empty())
            : failedExchange(failed.getCause(), path, timeout);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        exchange.cancel(true);
        return Attempt.done(
            new HttpResult.Failed<>(
                failure(Kind.TIMEOUT, OptionalInt.empty(), path, "interrupted")));
      }
      call.status(response.statusCode());
      Attempt<T> attempt = StatusMapping.map(response, path, endpoint, reader, watch, budget);
      return watch.ending() == AttemptWatch.Ending.NONE || attempt.failed().isEmpty()
          ? attempt
          : ended(watch, path, timeout, OptionalInt.of(response.statusCode()));
    }
  }

  /** The watch ended the attempt: a timeout to retry, or, once the lookup is over, a final one. */
  private <T> Attempt<T> ended(
      AttemptWatch watch, String path, Duration timeout, OptionalInt status) {
    if (watch.ending() == AttemptWatch.Ending.EXPIRED) {
      return Attempt.retry(
          failure(
              Kind.TIMEOUT,
              status,
              path,
              "no complete answer within " + timeout.toMillis() + " ms"),
          Optional.empty());
    }
    return Attempt.done(
        new HttpResult.Failed<>(failure(Kind.TIMEOUT, status, path, "the lookup's time ran out")));
  }

  private <T> Attempt<T> failedExchange(Throwable cause, String path, Duration timeout) {
    if (cause instanceof HttpTimeoutException) {
      return Attempt.retry(
          failure(
              Kind.TIMEOUT,
              OptionalInt.empty(),
              path,
              "no answer within " + timeout.toMillis() + " ms"),
          Optional.empty());
    }
    if (cause instanceof ConnectException) {
      return Attempt.retry(
          failure(Kind.UNREACHABLE, OptionalInt.empty(), path, "connection refused"),
          Optional.empty());
    }
    return Attempt.retry(
        failure(
            Kind.UNREACHABLE,
            OptionalInt.empty(),
            path,
            String.valueOf(cause == null ? null : cause.getMessage())),
        Optional.empty());
  }

  /** The call never got a place at the gate: the backend is as busy as the bot lets it be. */
  private HttpFailure queued(String path, Duration waited) {
    return failure(
        Kind.BUSY,
        OptionalInt.empty(),
        path,
        "waited "
            + waited.toMillis()
            + " ms for one of the "
            + gate.capacity()
            + " requests the bot may have open at once (backend.max-concurrent)");
  }

  private HttpFailure failure(Kind kind, OptionalInt status, String path, String detail) {
    return HttpFailure.of(kind, endpoint.backendName(), status, "GET " + path + ": " + detail);
  }

  private static String pathOnly(String pathAndQuery) {
    int query = pathAndQuery.indexOf('?');
    return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
