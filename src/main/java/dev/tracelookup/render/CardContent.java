package dev.tracelookup.render;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a result card shows.
 *
 * @param userLabel how the customer is named on the card (the raw ID only on private answers)
 * @param agentZone the zone of the person reading, shown next to UTC
 * @param backendName e.g. {@code Tempo}
 * @param traces the traces to show, most relevant first (failed, refused, recovered, succeeded;
 *     nearest the moment the customer named first)
 * @param totalMatched how many traces the backend found, which may exceed {@code traces.size()}
 * @param filters a short description of the filters used ("service checkout · errors only"), or
 *     empty
 * @param warnings partial results, limits hit: shown on the card as they are
 * @param incidents known incidents matching the featured trace's failure, most likely first
 * @param actions the Share and Refresh buttons, absent where nobody can click (the command line)
 */
public record CardContent(
    String userLabel,
    Instant from,
    Instant to,
    ZoneId agentZone,
    String backendName,
    List<ShownTrace> traces,
    int totalMatched,
    String filters,
    List<String> warnings,
    boolean fromCache,
    List<IncidentNote> incidents,
    Optional<CardActions> actions) {

  public CardContent {
    Objects.requireNonNull(userLabel, "userLabel");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(agentZone, "agentZone");
    Objects.requireNonNull(backendName, "backendName");
    traces = List.copyOf(traces);
    filters = filters == null ? "" : filters;
    warnings = List.copyOf(warnings);
    incidents = incidents == null ? List.of() : List.copyOf(incidents);
    actions = actions == null ? Optional.empty() : actions;
  }
}
