package dev.tracelookup.http;

import dev.tracelookup.http.HttpFailure.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One write (POST, PUT) to an endpoint: one attempt, never retried. A write that timed out may
 * still have landed, and trying it again could write twice; the caller decides what to check before
 * writing again. Statuses map as for reads, so callers choose their words the same way.
 */
final class WriteCall {
  private WriteCall() {}

  static <T> HttpResult<T> send(
      HttpClient client,
      Endpoint endpoint,
      String method,
      String pathAndQuery,
      String json,
      BodyReader<T> reader) {
    int query = pathAndQuery.indexOf('?');
    String call = method + " " + (query < 0 ? pathAndQuery : pathAndQuery.substring(0, query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
            .timeout(endpoint.timeout())
            .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    endpoint.headers().forEach(request::header);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException slow) {
      return failed(Kind.TIMEOUT, endpoint, OptionalInt.empty(), call + ": no answer in time");
    } catch (IOException broken) {
      return failed(Kind.UNREACHABLE, endpoint, OptionalInt.empty(), call + ": " + broken);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return failed(Kind.TIMEOUT, endpoint, OptionalInt.empty(), call + ": interrupted");
    }
    return answer(response, endpoint, call, reader);
  }

  private static <T> HttpResult<T> answer(
      HttpResponse<InputStream> response, Endpoint endpoint, String call, BodyReader<T> reader) {
    int status = response.statusCode();
    OptionalInt code = OptionalInt.of(status);
    String name = endpoint.backendName();
    try (InputStream body = new LimitedInputStream(response.body(), endpoint.maxBodyBytes())) {
      if (status >= 200 && status < 300) {
        return read(body, reader, endpoint, code, call);
      }
      String detail = call + " failed: " + status + ErrorBodies.summary(body);
      if (status == 404) {
        return new HttpResult.NotFound<>();
      }
      if (status == 429) {
        Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After"));
        return new HttpResult.Failed<>(
            new HttpFailure(Kind.RATE_LIMITED, name, detail, code, wait));
      }
      return failed(status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED, endpoint, code, detail);
    } catch (IOException broken) {
      return failed(Kind.UNREACHABLE, endpoint, code, call + ": " + broken.getMessage());
    }
  }

  private static <T> HttpResult<T> read(
      InputStream body, BodyReader<T> reader, Endpoint endpoint, OptionalInt code, String call) {
    try {
      T value = reader.read(body);
      return value == null
          ? failed(Kind.MALFORMED, endpoint, code, call + ": empty answer")
          : new HttpResult.Ok<>(value);
    } catch (IOException unreadable) {
      // The write landed (2xx); only the answer could not be read.
      return failed(
          Kind.MALFORMED,
          endpoint,
          code,
          call + ": unreadable answer (" + unreadable.getClass().getSimpleName() + ")");
    } catch (RuntimeException bug) {
      return failed(
          Kind.INTERNAL,
          endpoint,
          code,
          call + ": the bot failed reading the answer (" + bug.getClass().getSimpleName() + ")");
    }
  }

  private static <T> HttpResult<T> failed(
      Kind kind, Endpoint endpoint, OptionalInt status, String detail) {
    return new HttpResult.Failed<>(HttpFailure.of(kind, endpoint.backendName(), status, detail));
  }
}
