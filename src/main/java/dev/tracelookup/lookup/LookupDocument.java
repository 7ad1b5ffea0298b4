package dev.tracelookup.lookup;

import dev.tracelookup.render.JsonRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSON document of one lookup, as plain maps and lists: what {@code /api/lookup} answers and
 * what {@code lookup --format json} prints. One builder for both, so a script may move from one
 * face to the other and read the same fields.
 */
public final class LookupDocument {
  private LookupDocument() {}

  /**
   * Returns the document: the request as searched, the backend, and the traces, or the error.
   *
   * @param backendName the backend's display name ("Tempo"), as {@link TraceLookup#backendName()}
   */
  public static Map<String, Object> of(LookupOutcome outcome, String backendName) {
    return of(outcome, backendName, Optional.empty());
  }

  /**
   * Returns the document with {@code blast_radius}, the count of other requests and customers that
   * hit the featured failure, when one was made: counts and times only, as on the card.
   */
  public static Map<String, Object> of(
      LookupOutcome outcome, String backendName, Optional<BlastReport> blast) {
    Map<String, Object> json = document(outcome, backendName);
    blast
        .flatMap(LookupDocument::blastRadius)
        .ifPresent(radius -> json.put("blast_radius", radius));
    return json;
  }

  private static Optional<Map<String, Object>> blastRadius(BlastReport report) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (report instanceof BlastReport.Counted counted) {
      BlastRadius radius = counted.radius();
      json.put("requests", radius.requests());
      json.put("other_customers", radius.customers());
      json.put("at_least", radius.atLeast());
      radius.firstSeen().ifPresent(at -> json.put("first_seen", at.toString()));
      radius.lastSeen().ifPresent(at -> json.put("last_seen", at.toString()));
      json.put("searched_from", radius.from().toString());
      json.put("searched_to", radius.to().toString());
      return Optional.of(json);
    }
    if (report instanceof BlastReport.NotCounted not) {
      json.put("not_counted", not.reason());
      return Optional.of(json);
    }
    // Still counting: a document is final, so it says nothing rather than "pending".
    return Optional.empty();
  }

  private static Map<String, Object> document(LookupOutcome outcome, String backendName) {
    Map<String, Object> json = new LinkedHashMap<>();
    LookupRequest request = outcome.request();
    json.put("user_id", request.userId());
    json.put("start", request.window().from().toString());
    json.put("end", request.window().to().toString());
    json.put("backend", backendName);
    if (outcome instanceof LookupOutcome.Failed failed) {
      json.put("error", failed.failure().userMessage());
      return json;
    }
    if (outcome instanceof LookupOutcome.Found found) {
      json.put("from_cache", found.fromCache());
      json.put("total_matched", found.totalMatched());
      json.put("warnings", found.warnings());
      json.put(
          "traces",
          found.traces().stream()
              .map(card -> JsonRenderer.trace(card.shown()))
              .collect(Collectors.toList()));
    } else {
      json.put("warnings", ((LookupOutcome.NoTraces) outcome).warnings());
      json.put("traces", List.of());
    }
    return json;
  }
}
