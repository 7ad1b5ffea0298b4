package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanLink;
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
  // Linked-to trace → the traces linking into it. Only spans with links add to it, and most have
  // none: a directory without links keeps one empty map.
  private final Map<String, Set<String>> traceIdsLinkingTo = new HashMap<>();
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
      for (SpanLink link : span.links()) {
        if (!link.traceId().equals(span.traceId())) {
          traceIdsLinkingTo.computeIfAbsent(link.traceId(), k -> new LinkedHashSet<>(2)).add(span.traceId());
        }
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
    return new TraceIndex(byId, byUser, linkingTo(byId), fileCount, skippedLines);
  }

  /** Returns, for each linked-to trace, the indexed traces linking into it, newest first. */
  private Map<String, List<IndexedTrace>> linkingTo(Map<String, IndexedTrace> byId) {
    Map<String, List<IndexedTrace>> linking = new HashMap<>();
    traceIdsLinkingTo.forEach(
        (linkedTo, ids) -> {
          // The key shares the indexed trace's ID string when that trace is in the directory too.
          IndexedTrace known = byId.get(linkedTo);
          linking.put(
              known == null ? linkedTo : known.traceId(),
              ids.stream().map(byId::get).sorted(IndexedTrace.NEWEST_FIRST).toList());
        });
    return linking;
  }
}
