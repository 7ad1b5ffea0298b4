package dev.tracelookup.http;

import dev.tracelookup.http.HttpFailure.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a response to a result or a retry, and a 2xx body to what its reader made of it: a reader
 * refuses hostile input with an {@link IOException} (malformed); anything else it throws is a bug
 * in the bot (internal). Kept apart so each rule reads on its own.
 */
final class StatusMapping {
  private static final Logger log = LoggerFactory.getLogger(StatusMapping.class);

  private StatusMapping() {}

  static <T> Attempt<T> map(
      HttpResponse<InputStream> response,
      String path,
      Endpoint endpoint,
      BodyReader<T> reader,
      AttemptWatch watch,
      BudgetedRead budget) {
    int status = response.statusCode();
    OptionalInt code = OptionalInt.of(status);
    String name = endpoint.backendName();
    try (InputStream body =
        new LimitedInputStream(
            budget.charged(watch.watch(response.body())), endpoint.maxBodyBytes())) {
      if (status >= 200 && status < 300) {
        return Attempt.done(read(body, reader, name, status, path));
      }
      String detail = "GET " + path + " failed: " + status + ErrorBodies.summary(body);
      if (status == 404) {
        return Attempt.done(new HttpResult.NotFound<>());
      }
      if (status == 429) {
        Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After"));
        return Attempt.retry(new HttpFailure(Kind.RATE_LIMITED, name, detail, code, wait), wait);
      }
      if (status >= 500) {
        return Attempt.retry(
            HttpFailure.of(Kind.SERVER_ERROR, name, code, detail), Optional.empty());
      }
      return Attempt.done(
          new HttpResult.Failed<>(HttpFailure.of(Kind.REJECTED, name, code, detail)));
    } catch (ReadBudget.Refused refused) {
      return refused.busy()
          ? Attempt.gaveWay(refusal(refused, name, code, path))
          : Attempt.done(new HttpResult.Failed<>(refusal(refused, name, code, path)));
    } catch (IOException closeFailed) {
      return Attempt.retry(
          HttpFailure.of(
              Kind.UNREACHABLE, name, code, "GET " + path + ": " + closeFailed.getMessage()),
          Optional.empty());
    }
  }

  /** Returns the failure of a read the budget refused: too large for the lookup, or no room now. */
  static HttpFailure refusal(
      ReadBudget.Refused refused, String name, OptionalInt status, String path) {
    return HttpFailure.of(
        refused.tooLarge() ? Kind.TOO_LARGE : Kind.BUSY,
        name,
        status,
        "GET " + path + ": " + refused.getMessage());
  }

  private static <T> HttpResult<T> read(
      InputStream body, BodyReader<T> reader, String name, int status, String path)
      throws ReadBudget.Refused {
    OptionalInt code = OptionalInt.of(status);
    try {
      T value = reader.read(body);
      return value == null
          ? new HttpResult.Failed<>(
              HttpFailure.of(Kind.MALFORMED, name, code, "GET " + path + ": empty answer"))
          : new HttpResult.Ok<>(value);
    } catch (LimitedInputStream.TooLarge tooLarge) {
      return new HttpResult.Failed<>(
          HttpFailure.of(Kind.TOO_LARGE, name, code, "GET " + path + ": " + tooLarge.getMessage()));
    } catch (ReadBudget.Refused refused) {
      throw refused;
    } catch (IOException unreadable) {
      // Readers see hostile input and refuse it this way; readers may wrap the budget's refusal.
      throwIfRefused(unreadable);
      return new HttpResult.Failed<>(
          HttpFailure.of(
              Kind.MALFORMED,
              name,
              code,
              "GET "
                  + path
                  + ": unreadable answer ("
                  + unreadable.getClass().getSimpleName()
                  + ")"));
    } catch (RuntimeException bug) {
      // Whatever a reader throws, the lookup must still end in an answer: an honest one.
      throwIfRefused(bug);
      log.error(
          "{} GET {}: the bot failed reading the answer; this is a bug, please report it",
          name,
          path,
          ReaderBug.of(bug));
      return new HttpResult.Failed<>(
          HttpFailure.of(
              Kind.INTERNAL,
              name,
              code,
              "GET "
                  + path
                  + ": the bot failed reading the answer ("
                  + bug.getClass().getSimpleName()
                  + "); this is a bug"));
    }
  }

  /** Readers may wrap the stream's exception in their own; the refusal must still be told apart. */
  private static void throwIfRefused(Throwable thrown) throws ReadBudget.Refused {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof ReadBudget.Refused refused) {
        throw refused;
      }
    }
  }
}
