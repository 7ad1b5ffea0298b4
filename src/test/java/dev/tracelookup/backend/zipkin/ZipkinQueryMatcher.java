package dev.tracelookup.backend.zipkin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Zipkin's {@code QueryRequest}, as zipkin2/storage/QueryRequest.java parses and tests it: the
 * annotation query split on {@code " and "}, each term split at its first {@code =} and trimmed; a
 * trace in the window when its root's (else its earliest) timestamp is; with a service name, only
 * that service's spans count for the other conditions.
 */
record ZipkinQueryMatcher(
    String serviceName,
    String spanName,
    Map<String, String> annotationQuery,
    long endTs,
    long lookback,
    int limit) {

  /** Returns the matcher of the search parameters, or empty when Zipkin would answer 400. */
  static Optional<ZipkinQueryMatcher> parse(Map<String, String> params) {
    long endTs = Long.parseLong(params.getOrDefault("endTs", "0"));
    long lookback = Long.parseLong(params.getOrDefault("lookback", "86400000"));
    int limit = Integer.parseInt(params.getOrDefault("limit", "10"));
    if (endTs <= 0 || lookback <= 0 || limit <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new ZipkinQueryMatcher(
            lower(params.get("serviceName")),
            lower(params.get("spanName")),
            annotationQuery(params.getOrDefault("annotationQuery", "")),
            endTs,
            lookback,
            limit));
  }

  boolean test(List<ObjectNode> spans) {
    long timestamp = rootTimestamp(spans);
    if (timestamp == 0 || timestamp < (endTs - lookback) * 1000 || timestamp > endTs * 1000) {
      return false;
    }
    Map<String, String> remaining = new LinkedHashMap<>(annotationQuery);
    boolean serviceSeen = serviceName == null;
    boolean spanNameSeen = spanName == null;
    for (ObjectNode span : spans) {
      if (serviceName != null
          && !serviceName.equals(span.path("localEndpoint").path("serviceName").asText(null))) {
        continue;
      }
      serviceSeen = true;
      span.path("annotations").forEach(a -> remaining.remove(a.path("value").asText(), ""));
      for (Map.Entry<String, JsonNode> tag : span.path("tags").properties()) {
        String wanted = remaining.get(tag.getKey());
        if (wanted != null && (wanted.isEmpty() || wanted.equals(tag.getValue().asText()))) {
          remaining.remove(tag.getKey());
        }
      }
      spanNameSeen |= spanName != null && spanName.equals(span.path("name").asText());
    }
    return serviceSeen && spanNameSeen && remaining.isEmpty();
  }

  /** Returns the root span's timestamp, else the earliest; 0 when no span has one. */
  static long rootTimestamp(List<ObjectNode> spans) {
    long earliest = 0;
    for (ObjectNode span : spans) {
      long timestamp = span.path("timestamp").asLong(0);
      if (timestamp == 0) {
        continue;
      }
      if (!span.has("parentId")) {
        return timestamp;
      }
      earliest = earliest == 0 ? timestamp : Math.min(earliest, timestamp);
    }
    return earliest;
  }

  private static Map<String, String> annotationQuery(String query) {
    Map<String, String> terms = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return terms;
    }
    for (String term : query.split(" and ", 100)) {
      int equals = term.indexOf('=');
      if (equals < 0) {
        terms.putIfAbsent(term.trim(), "");
      } else {
        terms.put(term.substring(0, equals).trim(), term.substring(equals + 1).trim());
      }
    }
    return terms;
  }

  private static String lower(String name) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("all") ? null : lower;
  }
}
