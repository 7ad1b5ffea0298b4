package dev.tracelookup.incidents.remote;

import java.util.List;

/** PagerDuty REST v2 {@code GET /incidents}: classic offset pagination with a {@code more} flag. */
final class PagerDutyJson {
  private PagerDutyJson() {}

  record Page(List<Incident> incidents, int limit, int offset, boolean more) {}

  /**
   * @param resolvedAt present in newer API versions only; {@code last_status_change_at} is when a
   *     resolved incident was resolved
   */
  record Incident(
      String id,
      int incidentNumber,
      String title,
      String status,
      String createdAt,
      String lastStatusChangeAt,
      String resolvedAt,
      Reference service,
      String htmlUrl) {}

  record Reference(String id, String summary) {}
}
