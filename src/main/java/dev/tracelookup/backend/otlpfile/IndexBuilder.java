package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.trace.Span;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Collects the index line by line; used by one thread, then frozen into a {@link TraceIndex}. */
final class IndexBuilder {
  private final List<String> userAttributeKeys;
  private final Map<String, TraceFacts> traces = new HashMap<>();
  private final Map<String, Set<String>> traceIdsByUser = new HashMap<>();
  // Service and span names repeat across traces: one lower-cased instance each, shared by all.
  private final Map<String, String> lowerCasedNames = new HashMap<>();
  private int fileCount;
  private int skippedLines;

  IndexBuilder(List<String> userAttributeKeys) {
    this.userAttributeKeys = List.copyOf(userAttributeKeys);
  }

  /** Indexes the spans of one line; the reader has already copied user IDs from the resource. */
  void addLine(LineRef line, List<Span> spans) {
    for (Span span : spans) {
      traces.computeIfAbsent(span.traceId(), TraceFacts::new).add(span, line, this::lowerCased);
      for (String key : userAttributeKeys) {
        span.attributes()
            .get(key)
            .ifPresent(
                user ->
                    traceIdsByUser
                        .computeIfAbsent(user, k -> new LinkedHashSet<>())
                        .add(span.traceId()));
      }
    }
  }

  private String lowerCased(String name) {
    return lowerCasedNames.computeIfAbsent(name, IndexedTrace::lower);
  }

  void fileRead() {
    fileCount++;
  }

  void lineSkipped() {
    skippedLines++;
  }

  TraceIndex build() {
    Map<String, IndexedTrace> byId =
        traces.values().stream()
            .map(TraceFacts::freeze)
            .collect(Collectors.toMap(IndexedTrace::traceId, Function.identity()));
    Map<String, List<IndexedTrace>> byUser = new HashMap<>();
    traceIdsByUser.forEach(
        (user, ids) ->
            byUser.put(
                user, ids.stream().map(byId::get).sorted(IndexedTrace.NEWEST_FIRST).toList()));
    return new TraceIndex(byId, byUser, fileCount, skippedLines);
  }
}
