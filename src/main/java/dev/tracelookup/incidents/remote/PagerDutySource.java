package dev.tracelookup.incidents.remote;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentSource;
import dev.tracelookup.incidents.IncidentStatus;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.SourceResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Incidents from PagerDuty's REST API v2: {@code GET /incidents} with {@code since}/{@code until}
 * (incidents created in the range), newest first, 100 per page, following {@code more}. Auth is
 * {@code Authorization: Token token=<key>}; a read-only key is enough. The incident's service (its
 * ID and name) says what was affected. PagerDuty has no impact start: the window runs from creation
 * to resolution. Statuses map as triggered → investigating, acknowledged → identified.
 */
public final class PagerDutySource implements IncidentSource {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 10;
  static final String ACCEPT = "application/vnd.pagerduty+json;version=2";

  /** PagerDuty refuses since/until ranges over six months. */
  static final Duration MAX_RANGE = Duration.ofDays(180);

  private final String name;
  private final BackendHttp http;

  /**
   * @param apiUrl normally {@code https://api.pagerduty.com} ({@code https://api.eu.pagerduty.com}
   *     in the EU)
   */
  public PagerDutySource(String name, URI apiUrl, String apiToken, SourceHttp http) {
    this.name = name;
    this.http = http.open(name, apiUrl, Map.of("Authorization", "Token token=" + apiToken));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceResult fetch(Instant from, Instant to) {
    Instant since = from.isBefore(to.minus(MAX_RANGE)) ? to.minus(MAX_RANGE) : from;
    List<Incident> incidents = new ArrayList<>();
    for (int number = 0; number < MAX_PAGES; number++) {
      String query =
          WireJson.query(
              "since",
              since.toString(),
              "until",
              to.toString(),
              "limit",
              String.valueOf(PAGE_SIZE),
              "offset",
              String.valueOf(number * PAGE_SIZE),
              "sort_by",
              "created_at:desc",
              "time_zone",
              "UTC");
      HttpResult<PagerDutyJson.Page> result =
          http.get("/incidents" + query, ACCEPT, WireJson.reader(PagerDutyJson.Page.class));
      if (!(result instanceof HttpResult.Ok<PagerDutyJson.Page> ok)) {
        return WireJson.failed(result, "/incidents");
      }
      PagerDutyJson.Page page = ok.value();
      WireJson.orEmpty(page.incidents())
          .forEach(item -> toIncident(item).ifPresent(incidents::add));
      if (!page.more() || WireJson.orEmpty(page.incidents()).isEmpty()) {
        break;
      }
    }
    return new SourceResult.Fetched(incidents);
  }

  private Optional<Incident> toIncident(PagerDutyJson.Incident wire) {
    Optional<Instant> created = WireJson.time(wire.createdAt());
    if (wire.id() == null || created.isEmpty()) {
      return Optional.empty();
    }
    IncidentStatus status = status(wire.status());
    Optional<Instant> end =
        WireJson.time(wire.resolvedAt()).or(() -> WireJson.time(wire.lastStatusChangeAt()));
    Optional<Instant> resolved =
        status == IncidentStatus.RESOLVED
            ? Optional.of(WireJson.latest(created.get(), end))
            : Optional.empty();
    String id = wire.incidentNumber() > 0 ? "#" + wire.incidentNumber() : wire.id();
    return Optional.of(
        new Incident(
            id,
            wire.title(),
            status,
            created.get(),
            resolved,
            services(wire.service()),
            Optional.empty(),
            Optional.ofNullable(wire.htmlUrl()),
            Optional.empty(),
            name));
  }

  private static IncidentStatus status(String wire) {
    switch (wire == null ? "" : wire.toLowerCase(Locale.ROOT)) {
      case "resolved":
        return IncidentStatus.RESOLVED;
      case "acknowledged":
        return IncidentStatus.IDENTIFIED;
      default:
        return IncidentStatus.INVESTIGATING;
    }
  }

  private static Set<String> services(PagerDutyJson.Reference service) {
    Set<String> names = new HashSet<>();
    if (service != null) {
      WireJson.addPresent(names, service.id(), service.summary());
    }
    return names;
  }
}
