package dev.tracelookup.incidents.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentSource;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.SourceResult;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Incidents from Atlassian Statuspage: either a page's public {@code /api/v2/incidents.json} (no
 * auth, the 50 most recent incidents) or the management API's {@code /v1/pages/{page_id}/incidents}
 * ({@code Authorization: OAuth <key>}, pages of 100, newest first), which also sees private pages
 * and older incidents. Components name what was affected.
 */
public final class StatuspageSource implements IncidentSource {
  static final int PAGE_SIZE = 100;
  static final int MAX_PAGES = 10;
  private static final Pattern PAGE_ID = Pattern.compile("[A-Za-z0-9]+");
  private static final TypeReference<List<StatuspageJson.Incident>> INCIDENT_LIST =
      new TypeReference<>() {};

  private final String name;
  private final BackendHttp http;
  private final Optional<String> pageId;
  private final Optional<String> pageUrl;

  private StatuspageSource(
      String name, BackendHttp http, Optional<String> pageId, Optional<String> pageUrl) {
    this.name = name;
    this.http = http;
    this.pageId = pageId;
    this.pageUrl = pageUrl;
  }

  /**
   * Reads a status page's public incident list.
   *
   * @param pageUrl the status page, e.g. {@code https://status.example.com}
   */
  public static StatuspageSource publicPage(String name, URI pageUrl, SourceHttp http) {
    return new StatuspageSource(
        name,
        http.open(name, pageUrl, Map.of()),
        Optional.empty(),
        Optional.of(pageUrl.toString()));
  }

  /**
   * Reads a page's incidents through the management API.
   *
   * @param apiUrl normally {@code https://api.statuspage.io}
   * @param pageId the page's ID, from its API settings
   * @throws IllegalArgumentException when the page ID is not alphanumeric
   */
  public static StatuspageSource managementApi(
      String name, URI apiUrl, String pageId, String apiKey, SourceHttp http) {
    if (!PAGE_ID.matcher(pageId).matches()) {
      throw new IllegalArgumentException(
          "Statuspage page ID must be letters and digits: " + pageId);
    }
    return new StatuspageSource(
        name,
        http.open(name, apiUrl, Map.of("Authorization", "OAuth " + apiKey)),
        Optional.of(pageId),
        Optional.empty());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public SourceResult fetch(Instant from, Instant to) {
    return pageId.isPresent() ? fetchManaged(pageId.get(), from) : fetchPublic(from);
  }

  private SourceResult fetchPublic(Instant from) {
    String path = "/api/v2/incidents.json";
    HttpResult<StatuspageJson.PublicPage> result =
        http.get(path, WireJson.JSON, WireJson.reader(StatuspageJson.PublicPage.class));
    if (!(result instanceof HttpResult.Ok<StatuspageJson.PublicPage> ok)) {
      return WireJson.failed(result, path);
    }
    List<Incident> incidents = new ArrayList<>();
    addRecent(WireJson.orEmpty(ok.value().incidents()), from, incidents);
    return new SourceResult.Fetched(incidents);
  }

  private SourceResult fetchManaged(String page, Instant from) {
    String path = "/v1/pages/" + page + "/incidents";
    List<Incident> incidents = new ArrayList<>();
    for (int number = 1; number <= MAX_PAGES; number++) {
      HttpResult<List<StatuspageJson.Incident>> result =
          http.get(
              path
                  + WireJson.query(
                      "limit", String.valueOf(PAGE_SIZE), "page", String.valueOf(number)),
              WireJson.JSON,
              WireJson.reader(INCIDENT_LIST));
      if (!(result instanceof HttpResult.Ok<List<StatuspageJson.Incident>> ok)) {
        return WireJson.failed(result, path);
      }
      List<StatuspageJson.Incident> items = ok.value();
      boolean anyRecent = addRecent(items, from, incidents);
      // Newest first: once a whole page began before the lookback, older pages cannot matter.
      if (items.size() < PAGE_SIZE || !anyRecent) {
        break;
      }
    }
    return new SourceResult.Fetched(incidents);
  }

  /** Adds the incidents not resolved before {@code from}; returns whether any began after it. */
  private boolean addRecent(
      List<StatuspageJson.Incident> items, Instant from, List<Incident> incidents) {
    boolean anyRecent = false;
    for (StatuspageJson.Incident item : items) {
      Optional<Incident> incident = StatuspageMapper.toIncident(item, name, pageUrl);
      if (incident.isPresent()
          && incident.get().resolved().map(end -> !end.isBefore(from)).orElse(true)) {
        incidents.add(incident.get());
        anyRecent |= !incident.get().started().isBefore(from);
      }
    }
    return anyRecent;
  }
}
