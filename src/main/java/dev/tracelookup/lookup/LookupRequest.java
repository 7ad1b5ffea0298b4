package dev.tracelookup.lookup;

import java.util.Objects;
import java.util.Optional;

/**
 * A lookup as understood from the agent's words.
 *
 * @param userId the customer's product user ID as typed (hashing, when configured, happens later)
 * @param service only traces touching this service
 * @param spanName only traces with a span of this name (the customer's action)
 * @param errorsOnly only traces with a failing span
 */
public record LookupRequest(
    String userId,
    TimeWindow window,
    Optional<String> service,
    Optional<String> spanName,
    boolean errorsOnly) {

  public LookupRequest {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(window, "window");
    service = service == null ? Optional.empty() : service;
    spanName = spanName == null ? Optional.empty() : spanName;
  }

  /** Returns the filters in a few words ("service checkout · errors only"), or empty. */
  public String filtersDescription() {
    StringBuilder text = new StringBuilder();
    service.ifPresent(s -> text.append("service ").append(s));
    spanName.ifPresent(
        s -> text.append(text.length() > 0 ? " · " : "").append("action ").append(s));
    if (errorsOnly) {
      text.append(text.length() > 0 ? " · " : "").append("errors only");
    }
    return text.toString();
  }
}
