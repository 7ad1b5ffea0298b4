package dev.tracelookup.http;

import java.util.Objects;

/** The outcome of one logical GET (retries included). */
public sealed interface HttpResult<T>
    permits HttpResult.Ok, HttpResult.NotFound, HttpResult.Failed {

  /** A 2xx answer, read by the caller's reader. */
  record Ok<T>(T value) implements HttpResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A 404: for most backends "no such trace", for Jaeger v3 search "nothing matched". */
  record NotFound<T>() implements HttpResult<T> {}

  /** No usable answer; the caller maps the failure to its own. */
  record Failed<T>(HttpFailure failure) implements HttpResult<T> {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
