package dev.tracelookup.render;

import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Recovery;
import dev.tracelookup.trace.RemotePeer;
import dev.tracelookup.trace.TraceSummary;
import dev.tracelookup.trace.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON view of traces for other internal tools (the {@code /api/lookup} endpoint): plain maps
 * and lists, so any JSON writer serialises it and field names stay snake_case and stable.
 */
public final class JsonRenderer {
  private JsonRenderer() {}

  /** Returns one trace: ID, start, duration, entry span, error flag, error path and UI link. */
  public static Map<String, Object> trace(ShownTrace card) {
    TraceSummary summary = card.analysis().summary();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("trace_id", summary.traceId());
    json.put("start", summary.start().toString());
    json.put("duration_ms", summary.duration().toNanos() / 1_000_000.0);
    json.put("root_service", summary.rootService());
    json.put("root_name", summary.rootName());
    json.put("http_status", summary.httpStatus() > 0 ? summary.httpStatus() : null);
    json.put("span_count", summary.spanCount());
    json.put("has_error", summary.hasError());
    json.put("verdict", verdict(card.analysis().verdict()));
    json.put("headline", VerdictText.headline(card.analysis()));
    json.put("error_path", card.analysis().errorPath().map(JsonRenderer::path).orElse(List.of()));
    json.put(
        "other_failing_branches",
        card.analysis().errorPath().map(ErrorPath::otherFailingBranches).orElse(0));
    json.put("ui_url", card.uiUrl().orElse(null));
    return json;
  }

  /** Returns the verdict: kind, what the entry answered, and what was recovered. */
  private static Map<String, Object> verdict(Verdict verdict) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("kind", verdict.kind().name().toLowerCase(Locale.ROOT));
    json.put("response", verdict.response().map(SpanLabels::response).orElse(null));
    json.put("given_up", verdict.givenUp());
    json.put("asynchronous", verdict.asynchronous());
    json.put("entry_missing", verdict.entryMissing());
    List<Map<String, Object>> recoveries = new ArrayList<>();
    for (Recovery recovery : verdict.recoveries()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("span_id", recovery.span().spanId());
      entry.put("service", recovery.span().service());
      entry.put("name", recovery.span().name());
      entry.put("how", recovery.how().name().toLowerCase(Locale.ROOT));
      entry.put("failures", recovery.failures());
      entry.put("reason", VerdictText.recoveryReason(recovery));
      recoveries.add(entry);
    }
    json.put("recoveries", recoveries);
    return json;
  }

  private static List<Map<String, Object>> path(ErrorPath path) {
    List<Map<String, Object>> steps = new ArrayList<>(path.steps().size());
    for (PathStep step : path.steps()) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("span_id", step.span().spanId());
      json.put("service", step.span().service());
      json.put("name", step.span().name());
      json.put("remote_service", RemotePeer.of(step.span()).orElse(null));
      json.put("failing", step.failing());
      json.put("http_status", step.httpStatus() > 0 ? step.httpStatus() : null);
      json.put("response", step.response().map(SpanLabels::response).orElse(null));
      json.put("attempts", step.attempts());
      json.put("exception_type", step.exception().map(e -> e.type()).orElse(null));
      json.put("exception_message", step.exception().map(e -> e.message()).orElse(null));
      steps.add(json);
    }
    return steps;
  }
}
