package dev.tracelookup.incidents.reply;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Computes each placeholder's text from a reply context, in the customer's zone. */
final class ReplyValues {
  static final String CUSTOMER_TIME = "customer_time";
  static final String CUSTOMER_DATE = "customer_date";
  static final String CUSTOMER_ZONE = "customer_zone";
  static final String ACTION = "action";
  static final String TICKET = "ticket";
  static final String INCIDENT_SUMMARY = "incident_summary";
  static final String INCIDENT_WINDOW = "incident_window";
  static final String INCIDENT_STATUS = "incident_status";

  static final Set<String> COMMON =
      Set.of(CUSTOMER_TIME, CUSTOMER_DATE, CUSTOMER_ZONE, ACTION, TICKET);
  static final Set<String> INCIDENT = Set.of(INCIDENT_SUMMARY, INCIDENT_WINDOW, INCIDENT_STATUS);
  static final Set<String> OPTIONAL = Set.of(TICKET);

  /** Used when the incident has no customer-facing summary: its title is for engineers. */
  static final String GENERIC_SUMMARY = "One of our systems experienced a temporary problem";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d", Locale.US);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private ReplyValues() {}

  /** Returns every placeholder that has a value; the ticket is absent when there is none. */
  static Map<String, String> of(ReplyContext context) {
    ZoneId zone = context.customerZone();
    Map<String, String> values = new HashMap<>();
    values.put(CUSTOMER_TIME, time(context.failedAt(), zone));
    values.put(CUSTOMER_DATE, context.failedAt().atZone(zone).format(DATE));
    values.put(CUSTOMER_ZONE, context.failedAt().atZone(zone).format(ZONE));
    values.put(ACTION, context.action());
    context.ticket().ifPresent(ticket -> values.put(TICKET, ticket(ticket)));
    context
        .incident()
        .ifPresent(
            incident -> {
              values.put(INCIDENT_SUMMARY, incident.customerSummary().orElse(GENERIC_SUMMARY));
              values.put(INCIDENT_WINDOW, window(incident, context.failedAt(), zone));
              values.put(INCIDENT_STATUS, status(incident.status(), context.action()));
            });
    return values;
  }

  /**
   * Returns "between 9:12 AM and 9:25 AM", or "starting at 9:12 AM" while ongoing; other days are
   * named.
   */
  private static String window(Incident incident, Instant failedAt, ZoneId zone) {
    LocalDate day = failedAt.atZone(zone).toLocalDate();
    String start = timeOnDay(incident.started(), day, zone);
    return incident
        .resolved()
        .map(end -> "between " + start + " and " + timeOnDay(end, day, zone))
        .orElse("starting at " + start);
  }

  private static String status(IncidentStatus status, String action) {
    switch (status) {
      case RESOLVED:
        return "This has been resolved, and you should be able to " + action + " now.";
      case MONITORING:
        return "A fix is in place and we are watching it closely; you should be able to "
            + action
            + " now.";
      default:
        return "Our team is still working on it, and we will let you know as soon as it is"
            + " resolved.";
    }
  }

  /** Returns "#12345" for a bare number, the reference as given otherwise ("SUP-12"). */
  private static String ticket(String reference) {
    String bare = reference.startsWith("#") ? reference.substring(1) : reference;
    return bare.chars().allMatch(Character::isDigit) ? "#" + bare : reference;
  }

  private static String timeOnDay(Instant instant, LocalDate day, ZoneId zone) {
    LocalDate date = instant.atZone(zone).toLocalDate();
    return time(instant, zone) + (date.equals(day) ? "" : " on " + date.format(DATE));
  }

  private static String time(Instant instant, ZoneId zone) {
    return instant.atZone(zone).format(TIME);
  }
}
