package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.nextField;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.backend.jaeger.V1SpanReader.PendingSpan;
import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one trace of Jaeger's UI JSON: {@code {"traceID","spans":[..],"processes":{..}}}. Jaeger
 * writes the processes after the spans, so spans are held with their process ID and given their
 * service once the trace object ends; of a process's tags only the kept keys (the user keys) are
 * copied onto its spans, where the span's own tag wins.
 */
final class V1TraceReader {
  private final StringPool pool;
  private final V1SpanReader spans;
  private final Set<String> keptProcessKeys;

  V1TraceReader(StringPool pool, Set<String> keptProcessKeys) {
    this.pool = pool;
    this.spans = new V1SpanReader(pool);
    this.keptProcessKeys = keptProcessKeys;
  }

  /** Reads the trace the parser is on; returns null for null or a trace without spans. */
  Trace read(JsonParser parser) throws IOException {
    if (!isObject(parser, "data")) {
      return null;
    }
    List<PendingSpan> pending = new ArrayList<>();
    Map<String, V1Process> processes = new HashMap<>();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("spans")) {
        readSpans(parser, pending);
      } else if (field.equals("processes")) {
        readProcesses(parser, processes);
      } else {
        skip(parser);
      }
    }
    if (pending.isEmpty()) {
      return null;
    }
    List<Span> resolved = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      PendingSpan span = pending.set(i, null);
      resolved.add(
          withProcess(span.span(), processes.getOrDefault(span.processId(), V1Process.UNKNOWN)));
    }
    return new Trace(resolved.get(0).traceId(), resolved);
  }

  private void readSpans(JsonParser parser, List<PendingSpan> pending) throws IOException {
    if (!isArray(parser, "spans")) {
      return;
    }
    while (nextElement(parser)) {
      PendingSpan span = spans.read(parser);
      if (span != null) {
        pending.add(span);
      }
    }
  }

  private void readProcesses(JsonParser parser, Map<String, V1Process> processes)
      throws IOException {
    if (!isObject(parser, "processes")) {
      return;
    }
    for (String id = nextField(parser); id != null; id = nextField(parser)) {
      if (isObject(parser, "process")) {
        processes.put(id, process(parser));
      }
    }
  }

  private V1Process process(JsonParser parser) throws IOException {
    String service = "";
    Map<String, String> tags = Map.of();
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      if (field.equals("serviceName")) {
        service = pool.of(text(parser, "serviceName"));
      } else if (field.equals("tags")) {
        tags = V1Tags.read(parser, pool, "process tags");
        tags.keySet().retainAll(keptProcessKeys);
      } else {
        skip(parser);
      }
    }
    return new V1Process(service, tags);
  }

  private static Span withProcess(Span span, V1Process process) {
    Attributes attributes = span.attributes();
    if (!process.tags().isEmpty()) {
      Map<String, String> merged = new LinkedHashMap<>(process.tags());
      merged.putAll(attributes.values());
      attributes = new Attributes(merged);
    }
    return span.toBuilder().service(process.serviceName()).attributes(attributes).build();
  }
}
