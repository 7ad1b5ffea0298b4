package dev.tracelookup.incidents.remote;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentSource;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.SourceResult;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Incidents from incident.io's API v2: {@code GET /v2/incidents} filtered by {@code
 * created_at[date_range]}, 250 per page, following {@code pagination_meta.after}. Auth is {@code
 * Authorization: Bearer <key>}. The window runs from the "impact started" timestamp (else creation)
 * to the "resolved" timestamp (else the last update); what was affected comes from a custom field,
 * typically catalog-typed, whose entries' names, external IDs and aliases all count.
 */
public final class IncidentIoSource implements IncidentSource {
  static final int PAGE_SIZE = 250;
  static final int MAX_PAGES = 10;

  private final String name;
  private final BackendHttp http;
  private final IncidentIoMapper mapper;

  /**
   * The organisation's names for what this source reads; incident.io lets each organisation name
   * its custom fields and timestamps.
   *
   * @param services the custom field listing affected services
   * @param impactStarted the timestamp when impact began
   * @param resolved the timestamp when the incident was resolved
   */
  public record Fields(String services, String impactStarted, String resolved) {
    public Fields {
      Objects.requireNonNull(services, "services");
      Objects.requireNonNull(impactStarted, "impactStarted");
      Objects.requireNonNull(resolved, "resolved");
    }

    /** Returns {@code Affected services}, {@code Impact started}, {@code Resolved at}. */
    public static Fields defaults() {
      return new Fields("Affected services", "Impact started", "Resolved at");
    }
  }

  /**
   * @param apiUrl normally {@code https://api.incident.io}
   */
  public IncidentIoSource(String name, URI apiUrl, String apiKey, Fields fields, SourceHttp http) {
    this.name = name;
    this.http = http.open(name, apiUrl, Map.of("Authorization", "Bearer " + apiKey));
    this.mapper = new IncidentIoMapper(name, fields);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceResult fetch(Instant from, Instant to) {
    String range =
        from.atOffset(ZoneOffset.UTC).toLocalDate()
            + "~"
            + to.atOffset(ZoneOffset.UTC).toLocalDate();
    List<Incident> incidents = new ArrayList<>();
    Set<String> cursors = new HashSet<>();
    String after = "";
    for (int number = 0; number < MAX_PAGES; number++) {
      HttpResult<IncidentIoJson.Page> result =
          http.get(
              "/v2/incidents" + query(range, after),
              WireJson.JSON,
              WireJson.reader(IncidentIoJson.Page.class));
      if (!(result instanceof HttpResult.Ok<IncidentIoJson.Page> ok)) {
        return WireJson.failed(result, "/v2/incidents");
      }
      IncidentIoJson.Page page = ok.value();
      WireJson.orEmpty(page.incidents())
          .forEach(item -> mapper.toIncident(item).ifPresent(incidents::add));
      after = nextCursor(page);
      // A cursor seen before would loop forever; an empty page ends the list whatever the cursor
      // says.
      if (after.isBlank() || !cursors.add(after) || WireJson.orEmpty(page.incidents()).isEmpty()) {
        break;
      }
    }
    return new SourceResult.Fetched(incidents);
  }

  private static String nextCursor(IncidentIoJson.Page page) {
    return page.paginationMeta() == null || page.paginationMeta().after() == null
        ? ""
        : page.paginationMeta().after();
  }

  private static String query(String range, String after) {
    return after.isEmpty()
        ? WireJson.query("page_size", String.valueOf(PAGE_SIZE), "created_at[date_range]", range)
        : WireJson.query(
            "page_size",
            String.valueOf(PAGE_SIZE),
            "created_at[date_range]",
            range,
            "after",
            after);
  }
}
