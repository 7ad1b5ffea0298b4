package dev.tracelookup.incidents.remote;

import java.util.List;

/**
 * Statuspage's incident JSON, the same shape in the public {@code /api/v2/incidents.json} (wrapped
 * in {@link PublicPage}) and the management API's {@code /v1/pages/{page_id}/incidents} (a bare
 * array).
 */
final class StatuspageJson {
  private StatuspageJson() {}

  record PublicPage(List<Incident> incidents) {}

  record Incident(
      String id,
      String name,
      String status,
      String createdAt,
      String startedAt,
      String updatedAt,
      String resolvedAt,
      String shortlink,
      List<Component> components,
      List<Update> incidentUpdates) {}

  record Component(String id, String name) {}

  record Update(List<AffectedComponent> affectedComponents) {}

  record AffectedComponent(String code, String name) {}
}
