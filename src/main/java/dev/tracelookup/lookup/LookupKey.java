package dev.tracelookup.lookup;

import dev.tracelookup.privacy.UserIdFingerprint;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The normalised query a lookup is cached under: the user ID as a digest (no raw customer ID in
 * cache keys), the window, and the filters in lower case.
 */
record LookupKey(
    String userDigest,
    Instant from,
    Instant to,
    String service,
    String spanName,
    boolean errorsOnly) {

  static LookupKey of(LookupRequest request) {
    return new LookupKey(
        UserIdFingerprint.digest(request.userId()),
        request.window().from(),
        request.window().to(),
        lower(request.service()),
        lower(request.spanName()),
        request.errorsOnly());
  }

  private static String lower(Optional<String> value) {
    return value.map(v -> v.toLowerCase(Locale.ROOT)).orElse("");
  }
}
