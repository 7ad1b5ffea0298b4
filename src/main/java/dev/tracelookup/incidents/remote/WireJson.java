package dev.tracelookup.incidents.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tracelookup.http.BodyReader;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.incidents.SourceResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the vendor readers share: one lenient JSON mapper, time parsing, query strings, failures.
 */
final class WireJson {
  static final String JSON = "application/json";

  // Vendors add fields all the time; only the ones read matter. Its own mapper, not TicketJson's:
  // incident vendors all use snake_case, and their times are ISO text read by time(String).
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private WireJson() {}

  static <T> BodyReader<T> reader(Class<T> type) {
    return body -> MAPPER.readValue(body, type);
  }

  static <T> BodyReader<T> reader(TypeReference<T> type) {
    return body -> MAPPER.readValue(body, type);
  }

  /** Returns an ISO-8601 time with an offset, or empty when absent or unreadable. */
  static Optional<Instant> time(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Returns {@code ?k=v&...} in the given order, keys and values percent-encoded: incident.io's
   * {@code created_at[date_range]} has brackets, which {@link java.net.URI} refuses raw.
   */
  static String query(String... keysAndValues) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      query
          .append(i == 0 ? '?' : '&')
          .append(encode(keysAndValues[i]))
          .append('=')
          .append(encode(keysAndValues[i + 1]));
    }
    return query.toString();
  }

  /** Returns the failure of a non-2xx result; a 404 means the configured URL or ID is wrong. */
  static SourceResult.Failed failed(HttpResult<?> result, String path) {
    if (result instanceof HttpResult.Failed<?> failed) {
      // The detail names the call and the status, and for a bug of the bot's says so.
      return new SourceResult.Failed(failed.failure().detail(), failed.failure().status());
    }
    return new SourceResult.Failed(
        "GET " + path + " failed: 404 (check the URL and page or account ID)", OptionalInt.of(404));
  }

  /** Returns the end, or the start when the end is missing or earlier: vendors do send those. */
  static Instant latest(Instant started, Optional<Instant> end) {
    return end.filter(time -> time.isAfter(started)).orElse(started);
  }

  /** Returns the list, or an empty one for a JSON null or a missing field. */
  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Adds the candidates that are neither null nor blank. */
  static void addPresent(Set<String> names, String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        names.add(candidate);
      }
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
