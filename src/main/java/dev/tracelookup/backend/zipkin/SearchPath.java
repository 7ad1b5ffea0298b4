package dev.tracelookup.backend.zipkin;

import dev.tracelookup.backend.FailureSignature;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.TraceQuery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes the path and query of one {@code GET /api/v2/traces} search for one user attribute key.
 *
 * <p>Zipkin matches a trace by the timestamp of its root span alone, in {@code [endTs - lookback,
 * endTs]} (milliseconds). A trace that started shortly before the window can still overlap it, so
 * the search reaches {@link #EARLY_START_SLACK} further back and the backend keeps only traces that
 * overlap the window. Zipkin answers newest first, so the extra reach only costs traces that the
 * limit would cut anyway.
 */
final class SearchPath {
  static final Duration EARLY_START_SLACK = Duration.ofMinutes(5);
  static final String PATH = "/api/v2/traces";

  private SearchPath() {}

  /** Returns the path and query; the user ID must have passed {@link AnnotationQuery#refusal}. */
  static String of(String userKey, TraceQuery query) {
    long endTs = ceilMillis(query.to());
    long startTs = query.from().minus(EARLY_START_SLACK).toEpochMilli();
    StringBuilder path =
        new StringBuilder(PATH)
            .append("?annotationQuery=")
            .append(encoded(AnnotationQuery.of(userKey, query.userId(), query.errorsOnly())))
            .append("&endTs=")
            .append(endTs)
            .append("&lookback=")
            .append(endTs - startTs)
            .append("&limit=")
            .append(query.limit());
    // Zipkin lower-cases these names when it stores and when it queries; doing it here keeps the
    // URL what the server reads.
    lowerCased(query.service())
        .ifPresent(service -> path.append("&serviceName=").append(encoded(service)));
    lowerCased(query.spanName()).ifPresent(name -> path.append("&spanName=").append(encoded(name)));
    return path.toString();
  }

  /**
   * Returns the path and query of a count of one failure: its service and span name, and {@code
   * annotationQuery=error} (the tag Zipkin keeps for failed spans), never a customer.
   */
  static String sameFailure(SameFailureQuery query) {
    long endTs = ceilMillis(query.to());
    long startTs = query.from().minus(EARLY_START_SLACK).toEpochMilli();
    FailureSignature signature = query.signature();
    return PATH
        + "?serviceName="
        + encoded(signature.service().trim().toLowerCase(Locale.ROOT))
        + "&spanName="
        + encoded(signature.spanName().trim().toLowerCase(Locale.ROOT))
        + "&annotationQuery=error"
        + "&endTs="
        + endTs
        + "&lookback="
        + (endTs - startTs)
        + "&limit="
        + query.limit();
  }

  private static Optional<String> lowerCased(Optional<String> name) {
    return name.map(String::trim)
        .filter(text -> !text.isEmpty())
        .map(text -> text.toLowerCase(Locale.ROOT));
  }

  private static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }

  /** Percent-encodes a value; spaces become {@code %20}, which every server reads the same way. */
  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
