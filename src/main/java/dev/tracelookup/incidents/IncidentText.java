package dev.tracelookup.incidents;

import dev.tracelookup.time.TimeFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Plain-text descriptions of incidents for cards: the window in UTC and in the agent's zone, the
 * status, and whether it is still ongoing. Links are left to the caller, which knows its markup.
 */
public final class IncidentText {
  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

  private IncidentText() {}

  /**
   * Returns one line for a match, e.g. {@code Matches known incident: INC-4521 "Payment gateway
   * unreachable" · 2026-02-06 14:12–14:25 UTC (9:12 AM–9:25 AM EST) · resolved}.
   */
  public static String line(IncidentMatch match, ZoneId agentZone) {
    Incident incident = match.incident();
    String label = match.confidence().label();
    String title = incident.title().isBlank() ? "" : " \"" + incident.title() + "\"";
    return Character.toUpperCase(label.charAt(0))
        + label.substring(1)
        + ": "
        + incident.id()
        + title
        + " · "
        + window(incident, agentZone)
        + " · "
        + status(incident);
  }

  /** Returns {@code resolved}, or {@code ongoing (investigating)} while it is not. */
  public static String status(Incident incident) {
    return incident.ongoing()
        ? "ongoing (" + incident.status().label() + ")"
        : incident.status().label();
  }

  /**
   * Returns the window in UTC, then in the agent's zone unless that is UTC: {@code 2026-02-06
   * 14:12–14:25 UTC (9:12 AM–9:25 AM EST)}, or {@code since 2026-02-06 14:12 UTC (9:12 AM EST)}.
   */
  public static String window(Incident incident, ZoneId agentZone) {
    if (incident.resolved().isEmpty()) {
      return "since "
          + TimeFormat.utcDateTime(incident.started())
          + local(agentZone, incident.started());
    }
    return TimeFormat.utcWindow(incident.started(), incident.resolved().get())
        + local(agentZone, incident.started(), incident.resolved().get());
  }

  private static String local(ZoneId zone, Instant... times) {
    if (TimeFormat.isUtc(zone)) {
      return "";
    }
    StringBuilder text = new StringBuilder(" (");
    for (int i = 0; i < times.length; i++) {
      text.append(i == 0 ? "" : "–").append(times[i].atZone(zone).format(LOCAL_TIME));
    }
    return text.append(' ').append(times[0].atZone(zone).format(ZONE)).append(')').toString();
  }
}
