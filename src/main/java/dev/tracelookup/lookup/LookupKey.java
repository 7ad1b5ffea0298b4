package dev.tracelookup.lookup;

import dev.tracelookup.privacy.UserIdFingerprint;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The normalised query a lookup is cached under: the user ID as a digest (no raw customer ID in
 * cache keys), the window, the filters in lower case, and which page of its traces.
 */
record LookupKey(
    String userDigest,
    Instant from,
    Instant to,
    String service,
    String spanName,
    boolean errorsOnly,
    int page) {

  /** Returns the key of the request's first page. */
  static LookupKey of(LookupRequest request) {
    return new LookupKey(
        UserIdFingerprint.digest(request.userId()),
        request.window().from(),
        request.window().to(),
        lower(request.service()),
        lower(request.spanName()),
        request.errorsOnly(),
        1);
  }

  /** Returns the key of another page of the same query. */
  LookupKey page(int number) {
    return new LookupKey(userDigest, from, to, service, spanName, errorsOnly, number);
  }

  private static String lower(Optional<String> value) {
    return value.map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
  }
}
