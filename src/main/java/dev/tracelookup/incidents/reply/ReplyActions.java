package dev.tracelookup.incidents.reply;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Says what a customer was trying to do, in their words, from the entry span's name: {@code POST
 * /api/v1/orders} → "place an order". Routes are compared ignoring case, repeated spaces and a
 * trailing slash.
 */
public final class ReplyActions {
  /** Used for routes without a configured action. */
  public static final String FALLBACK = "complete your request";

  private final Map<String, String> actionsByRoute = new HashMap<>();

  /**
   * @param actionsByRoute entry span name (method and route) → verb phrase
   */
  public ReplyActions(Map<String, String> actionsByRoute) {
    actionsByRoute.forEach(
        (route, action) -> {
          if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("the action for " + route + " is blank");
          }
          this.actionsByRoute.put(normalise(route), action.trim());
        });
  }

  /** Returns the configured action for the entry span, or {@link #FALLBACK}. */
  public String actionFor(String entrySpanName) {
    return actionsByRoute.getOrDefault(normalise(entrySpanName), FALLBACK);
  }

  private static String normalise(String route) {
    String collapsed = route.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return collapsed.length() > 1 && collapsed.endsWith("/")
        ? collapsed.substring(0, collapsed.length() - 1)
        : collapsed;
  }
}
