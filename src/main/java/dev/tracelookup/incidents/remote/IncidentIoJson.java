package dev.tracelookup.incidents.remote;

import java.util.List;

/**
 * incident.io's {@code GET /v2/incidents}: cursor pagination through {@code pagination_meta.after}.
 */
final class IncidentIoJson {
  private IncidentIoJson() {}

  record Page(List<Incident> incidents, PaginationMeta paginationMeta) {}

  record PaginationMeta(String after, int pageSize) {}

  /**
   * @param mode standard, retrospective, test or tutorial
   */
  record Incident(
      String id,
      String reference,
      String name,
      String mode,
      String permalink,
      String createdAt,
      String updatedAt,
      Status incidentStatus,
      List<CustomFieldEntry> customFieldEntries,
      List<TimestampValue> incidentTimestampValues) {}

  /**
   * @param category triage, declined, merged, canceled, live, paused, learning or closed
   */
  record Status(String category, String name) {}

  record CustomFieldEntry(Named customField, List<CustomFieldValue> values) {}

  record CustomFieldValue(CatalogEntry valueCatalogEntry, Option valueOption, String valueText) {}

  record CatalogEntry(String name, String externalId, List<String> aliases) {}

  record Option(String value) {}

  record TimestampValue(Named incidentTimestamp, Value value) {}

  record Named(String name) {}

  record Value(String value) {}
}
