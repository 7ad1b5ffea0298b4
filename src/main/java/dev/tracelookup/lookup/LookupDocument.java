package dev.tracelookup.lookup;

import dev.tracelookup.render.JsonRenderer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
