package dev.tracelookup.backend.otlp;

import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.otlp.JsonTokens.nextField;

import com.fasterxml.jackson.core.JsonParser;
import dev.tracelookup.trace.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the {@code resourceSpans} entries (Tempo's v1 calls them {@code batches}) of one document
 * and hands their spans on as they are read. One instance serves one document on one thread.
 *
 * <p>Encoders write the resource before its spans, and then no span is held back. A resource that
 * comes after its spans is valid JSON all the same, so such spans wait until the entry ends.
 */
final class ResourceSpansReader {
  private static final String SERVICE_NAME = "service.name";

  private final Set<String> resourceKeysToKeep;
  private final AttributeReader attributes;
  private final SpanReader spans;

  ResourceSpansReader(Set<String> resourceKeysToKeep) {
    this.resourceKeysToKeep = resourceKeysToKeep;
    RepeatedText texts = new RepeatedText();
    this.attributes = new AttributeReader(texts);
    this.spans = new SpanReader(texts, attributes);
  }

  /** Reads the entry the parser is on and gives each of its spans to the sink. */
  void read(JsonParser parser, Consumer<? super Span> sink) throws IOException {
    if (!isObject(parser, "resourceSpans")) {
      return;
    }
    Batch batch = new Batch(sink);
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      switch (field) {
        case "resource":
          batch.resource(resource(parser));
          break;
        case "scopespans":
        case "instrumentationlibraryspans":
          scopeSpans(parser, batch);
          break;
        default:
          skip(parser);
      }
    }
    batch.finish();
  }

  private Resource resource(JsonParser parser) throws IOException {
    Map<String, String> attributes = Map.of();
    if (isObject(parser, "resource")) {
      for (String field = nextField(parser); field != null; field = nextField(parser)) {
        if (field.equals("attributes")) {
          attributes = this.attributes.keyValues(parser);
        } else {
          skip(parser);
        }
      }
    }
    Map<String, String> kept = new LinkedHashMap<>(attributes);
    kept.keySet().retainAll(resourceKeysToKeep);
    return new Resource(attributes.getOrDefault(SERVICE_NAME, Span.UNKNOWN_SERVICE), kept);
  }

  private void scopeSpans(JsonParser parser, Batch batch) throws IOException {
    if (!isArray(parser, "scopeSpans")) {
      return;
    }
    while (nextElement(parser)) {
      if (!isObject(parser, "scopeSpans")) {
        continue;
      }
      for (String field = nextField(parser); field != null; field = nextField(parser)) {
        if (field.equals("spans") && isArray(parser, "spans")) {
          spans(parser, batch);
        } else {
          skip(parser);
        }
      }
    }
  }

  private void spans(JsonParser parser, Batch batch) throws IOException {
    while (nextElement(parser)) {
      SpanDraft draft = spans.read(parser);
      if (draft != null) {
        batch.add(draft);
      }
    }
  }

  /**
   * The spans of one entry on their way to the sink, held back only until the resource is known.
   */
  private static final class Batch {
    private final Consumer<? super Span> sink;
    private final List<SpanDraft> waiting = new ArrayList<>();
    private Resource resource;

    Batch(Consumer<? super Span> sink) {
      this.sink = sink;
    }

    void resource(Resource value) {
      resource = value;
      waiting.forEach(draft -> sink.accept(draft.toSpan(value)));
      waiting.clear();
    }

    void add(SpanDraft draft) {
      if (resource == null) {
        waiting.add(draft);
      } else {
        sink.accept(draft.toSpan(resource));
      }
    }

    void finish() {
      if (resource == null) {
        resource(Resource.NONE);
      }
    }
  }
}
