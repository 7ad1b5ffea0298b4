package dev.tracelookup.incidents.reply;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Drafts the reply to a customer whose request failed, for the agent to edit and send. Two
 * templates: one for when an incident explains the failure, one for when none does.
 *
 * <p>Placeholders, all rendered in the customer's zone:
 *
 * <ul>
 *   <li>{@code {customer_time}}: when the request failed, {@code 9:17 AM}
 *   <li>{@code {customer_date}}: its day, {@code February 6}
 *   <li>{@code {customer_zone}}: the zone's short name, {@code EST}
 *   <li>{@code {action}}: what the customer tried, {@code place an order}
 *   <li>{@code {ticket}}: the ticket reference, {@code #12345}; may be missing, so it must sit in
 *       an optional part {@code [[ and reference ticket {ticket}]]}, left out when there is no
 *       ticket
 *   <li>incident template only: {@code {incident_summary}} (the incident's customer summary, else a
 *       generic sentence), {@code {incident_window}} ({@code between 9:12 AM and 9:25 AM}, or
 *       {@code starting at 9:12 AM} while ongoing), {@code {incident_status}} (a sentence:
 *       resolved, being watched, or still being worked on)
 * </ul>
 *
 * <p>No placeholder carries a trace ID, a span or service name, or the customer's ID.
 */
public final class CustomerReply {
  private final ReplyTemplate withIncident;
  private final ReplyTemplate withoutIncident;

  /**
   * @throws IllegalArgumentException when a template uses an unknown placeholder, an incident
   *     placeholder in the no-incident template, {@code {ticket}} outside {@code [[ ]]}, or
   *     unbalanced brackets
   */
  public CustomerReply(String incidentTemplate, String noIncidentTemplate) {
    Set<String> all = new HashSet<>(ReplyValues.COMMON);
    all.addAll(ReplyValues.INCIDENT);
    this.withIncident =
        ReplyTemplate.parse("incident reply template", incidentTemplate, all, ReplyValues.OPTIONAL);
    this.withoutIncident =
        ReplyTemplate.parse(
            "no-incident reply template",
            noIncidentTemplate,
            ReplyValues.COMMON,
            ReplyValues.OPTIONAL);
  }

  /**
   * Reads both templates (UTF-8), e.g. {@code config/reply-incident.txt} and {@code
   * config/reply-no-incident.txt}.
   *
   * @throws IOException when a file cannot be read
   * @throws IllegalArgumentException as {@link #CustomerReply(String, String)}
   */
  public static CustomerReply load(Path incidentTemplate, Path noIncidentTemplate)
      throws IOException {
    return new CustomerReply(
        Files.readString(incidentTemplate, StandardCharsets.UTF_8),
        Files.readString(noIncidentTemplate, StandardCharsets.UTF_8));
  }

  /**
   * Returns the draft: the incident template when the context has an incident, else the other one.
   */
  public String render(ReplyContext context) {
    ReplyTemplate template = context.incident().isPresent() ? withIncident : withoutIncident;
    return template.render(ReplyValues.of(context));
  }
}
