package dev.tracelookup.server;

import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.time.DurationFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parameters of {@code /api/lookup}, read and checked the same way whether they came as a GET
 * query string or a POST JSON body; exactly one of request and problem is present.
 */
record LookupApiQuery(Optional<LookupRequest> request, Optional<String> problem) {

  /**
   * Reads the lookup.
   *
   * @param parameter the value of a parameter by name, or null when it is absent
   */
  static LookupApiQuery read(
      Function<String, String> parameter,
      Pattern userIdPattern,
      Duration defaultLength,
      Duration maxWindow) {
    String userId = parameter.apply("user_id");
    if (userId == null || !userIdPattern.matcher(userId).matches()) {
      return invalid("user_id is required and must match " + userIdPattern.pattern());
    }
    Optional<Instant> start = instant(parameter.apply("start"));
    if (start.isEmpty()) {
      return invalid("start is required, as an ISO-8601 instant such as 2026-02-06T14:00:00Z");
    }
    String endText = parameter.apply("end");
    Optional<Instant> end =
        endText == null ? Optional.of(start.get().plus(defaultLength)) : instant(endText);
    if (end.isEmpty() || end.get().isBefore(start.get())) {
      return invalid("end must be an ISO-8601 instant after start, such as 2026-02-06T14:30:00Z");
    }
    if (Duration.between(start.get(), end.get()).compareTo(maxWindow) > 0) {
      return invalid(
          "the window is longer than " + DurationFormat.exact(maxWindow) + "; narrow it");
    }
    TimeWindow window = new TimeWindow(start.get(), end.get(), ZoneOffset.UTC, "API query");
    LookupRequest request =
        new LookupRequest(
            userId,
            window,
            optional(parameter, "service"),
            optional(parameter, "action"),
            "true".equalsIgnoreCase(parameter.apply("errors_only")));
    return new LookupApiQuery(Optional.of(request), Optional.empty());
  }

  static LookupApiQuery invalid(String problem) {
    return new LookupApiQuery(Optional.empty(), Optional.of(problem));
  }

  private static Optional<String> optional(Function<String, String> parameter, String name) {
    String value = parameter.apply(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  private static Optional<Instant> instant(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
    } catch (DateTimeParseException notAnInstant) {
      return Optional.empty();
    }
  }
}
