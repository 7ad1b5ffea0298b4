package dev.tracelookup.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One round of readiness checks, and what it makes of the bot as a whole. */
public record ReadinessReport(Instant checkedAt, List<Entry> entries) {

  /** A dependency and what its check found. */
  public record Entry(Readiness.Check check, DependencyStatus status) {}

  public ReadinessReport {
    entries = List.copyOf(entries);
  }

  /** Returns whether the bot can take lookups: no required dependency is down. */
  boolean ready() {
    return entries.stream()
        .noneMatch(
            entry ->
                entry.check().required() && entry.status().state() == DependencyStatus.State.DOWN);
  }

  /**
   * Returns {@code ready}, {@code degraded} (some dependency down or degraded, none required) or
   * {@code not_ready}.
   */
  String status() {
    if (!ready()) {
      return "not_ready";
    }
    boolean impaired =
        entries.stream()
            .map(entry -> entry.status().state())
            .anyMatch(
                state ->
                    state == DependencyStatus.State.DOWN
                        || state == DependencyStatus.State.DEGRADED);
    return impaired ? "degraded" : "ready";
  }

  /** Returns the report as {@code /readyz} writes it. */
  Map<String, Object> json() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status());
    body.put("checked_at", checkedAt.toString());
    body.put("dependencies", entries.stream().map(ReadinessReport::json).toList());
    return body;
  }

  private static Map<String, Object> json(Entry entry) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", entry.check().kind());
    json.put("name", entry.check().name());
    json.put("required", entry.check().required());
    json.put("status", entry.status().state().label());
    json.put("detail", entry.status().detail());
    return json;
  }
}
