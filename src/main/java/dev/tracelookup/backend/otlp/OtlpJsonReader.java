package dev.tracelookup.backend.otlp;

import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.otlp.JsonTokens.fail;
import static dev.tracelookup.backend.otlp.JsonTokens.nextField;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tracelookup.backend.json.JsonShapeException;
import dev.tracelookup.trace.Span;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Reads OTLP JSON trace documents as a stream of {@link Span}s, without building a tree of the
 * document, so a trace of any size is read in bounded memory.
 *
 * <p>Accepts {@code TracesData}/{@code ExportTraceServiceRequest} ({@code {"resourceSpans":[..]}})
 * and the dialects the backends write: Tempo's v1 {@code {"batches":[..]}}, Tempo's v2 {@code
 * {"trace":{..}}}, Jaeger's api/v3 {@code {"result":{..}}}, the older {@code
 * instrumentationLibrarySpans}; IDs in hex of any case or in base64; enums as numbers or names
 * ({@code SPAN_KIND_SERVER}); 64-bit integers as strings or numbers; snake_case keys. Unknown
 * fields are ignored.
 *
 * <p>Span links are kept with their IDs normalised and their attributes; a link that cannot be read
 * (an ID missing or invalid, a value of the wrong shape) is left out and never fails the document.
 *
 * <p>A span keeps its own attributes. Of its resource it keeps {@code service.name} as the service
 * and only the attributes named at construction (typically the user-ID keys, so that an ID set on
 * the resource is found on its spans); the span's own value wins when both have the key.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class OtlpJsonReader {
  /**
   * Deep enough for any real document (about 13 levels of nested kvlists), shallow for the stack.
   */
  static final int MAX_NESTING_DEPTH = 64;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private static final BiConsumer<String, String> NO_ENVELOPE = (name, value) -> {};

  private final Set<String> resourceKeysToKeep;

  /**
   * @param resourceKeysToKeep resource attributes to copy onto each span of the resource, e.g.
   *     {@code user.id} and {@code enduser.id}
   */
  public OtlpJsonReader(Set<String> resourceKeysToKeep) {
    this.resourceKeysToKeep =
        Set.copyOf(Objects.requireNonNull(resourceKeysToKeep, "resourceKeysToKeep"));
  }

  /**
   * Reads one document from the stream and gives each span to the sink as soon as it is read. The
   * stream is left open. Spans given before a failure stay given.
   *
   * @throws OtlpFormatException when the input is not a readable OTLP JSON document
   * @throws IOException when the stream itself fails
   */
  public void read(InputStream in, Consumer<? super Span> sink) throws IOException {
    read(in, sink, NO_ENVELOPE);
  }

  /**
   * Reads like {@link #read(InputStream, Consumer)}, and also gives each scalar field at the
   * document's top level that is not part of OTLP to {@code envelope} as name and text, such as
   * Tempo's {@code "status":"PARTIAL"}, which follows the trace in the document.
   *
   * @throws OtlpFormatException when the input is not a readable OTLP JSON document
   * @throws IOException when the stream itself fails
   */
  public void read(InputStream in, Consumer<? super Span> sink, BiConsumer<String, String> envelope)
      throws IOException {
    Objects.requireNonNull(sink, "sink");
    Objects.requireNonNull(envelope, "envelope");
    try (JsonParser parser = FACTORY.createParser(in)) {
      readDocument(parser, new ResourceSpansReader(resourceKeysToKeep), sink, envelope);
    } catch (JsonShapeException wrongShape) {
      throw new OtlpFormatException(wrongShape.getMessage());
    } catch (JsonProcessingException malformed) {
      throw OtlpFormatException.from(malformed);
    } catch (CharConversionException badEncoding) {
      // Jackson reads UTF-16/32 input through readers that report bad bytes this way.
      throw new OtlpFormatException("the input is not valid Unicode text");
    }
  }

  /**
   * Reads one document held in {@code json[offset, offset + length)}, such as a line of a JSON
   * Lines file, and gives each span to the sink.
   *
   * @throws OtlpFormatException when the bytes are not a readable OTLP JSON document
   */
  public void read(byte[] json, int offset, int length, Consumer<? super Span> sink)
      throws OtlpFormatException {
    Objects.checkFromIndexSize(offset, length, json.length);
    try {
      read(new ByteArrayInputStream(json, offset, length), sink);
    } catch (OtlpFormatException malformed) {
      throw malformed;
    } catch (IOException impossible) {
      throw new AssertionError("reading from memory cannot fail", impossible);
    }
  }

  /**
   * Reads one document from the stream and returns all its spans, in document order.
   *
   * @throws OtlpFormatException when the input is not a readable OTLP JSON document
   * @throws IOException when the stream itself fails
   */
  public List<Span> readAll(InputStream in) throws IOException {
    List<Span> spans = new ArrayList<>();
    read(in, spans::add);
    return spans;
  }

  /**
   * Reads one document and returns all its spans, in document order.
   *
   * @throws OtlpFormatException when the bytes are not a readable OTLP JSON document
   */
  public List<Span> readAll(byte[] json) throws OtlpFormatException {
    List<Span> spans = new ArrayList<>();
    read(json, 0, json.length, spans::add);
    return spans;
  }

  private static void readDocument(
      JsonParser parser,
      ResourceSpansReader resourceSpans,
      Consumer<? super Span> sink,
      BiConsumer<String, String> envelope)
      throws IOException {
    if (parser.nextToken() == null) {
      throw fail(parser, "the document is empty");
    }
    readTracesData(parser, resourceSpans, sink, envelope);
    if (parser.nextToken() != null) {
      throw fail(parser, "more than one JSON value in the document");
    }
  }

  /** Reads a TracesData object, or one of the envelopes that wrap it. */
  private static void readTracesData(
      JsonParser parser,
      ResourceSpansReader resourceSpans,
      Consumer<? super Span> sink,
      BiConsumer<String, String> envelope)
      throws IOException {
    if (!isObject(parser, "document")) {
      return;
    }
    for (String field = nextField(parser); field != null; field = nextField(parser)) {
      switch (field) {
        case "resourcespans":
        case "batches":
          readResourceSpansList(parser, resourceSpans, sink);
          break;
        case "trace":
        case "result":
          readTracesData(parser, resourceSpans, sink, NO_ENVELOPE);
          break;
        default:
          envelopeField(parser, envelope);
          skip(parser);
      }
    }
  }

  private static void envelopeField(JsonParser parser, BiConsumer<String, String> envelope)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token.isScalarValue() && token != JsonToken.VALUE_NULL) {
      envelope.accept(parser.currentName(), parser.getText());
    }
  }

  private static void readResourceSpansList(
      JsonParser parser, ResourceSpansReader resourceSpans, Consumer<? super Span> sink)
      throws IOException {
    if (!isArray(parser, "resourceSpans")) {
      return;
    }
    while (nextElement(parser)) {
      resourceSpans.read(parser, sink);
    }
  }
}
