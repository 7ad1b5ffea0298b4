package dev.tracelookup.backend.zipkin;

import static dev.tracelookup.backend.json.JsonSteps.fail;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tracelookup.backend.json.JsonShapeException;
import dev.tracelookup.trace.Span;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/**
 * Reads Zipkin v2 JSON as a stream of spans, never holding the document: {@code GET /api/v2/traces}
 * answers a list of traces, each a list of spans in any order, and {@code GET /api/v2/trace/{id}}
 * one list of spans.
 */
final class ZipkinJsonReader {
  /** Zipkin spans nest four levels deep; anything much deeper is not Zipkin. */
  private static final int MAX_NESTING_DEPTH = 16;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  /** Receives each span with the position of its trace in the answer's list. */
  @FunctionalInterface
  interface TraceListSink {
    void accept(int traceIndex, Span span);
  }

  private ZipkinJsonReader() {}

  /**
   * Reads a list of traces, giving each span to the sink as soon as it is read.
   *
   * @throws ZipkinFormatException when the input is not a list of lists of Zipkin v2 spans
   */
  static void readTraceList(InputStream in, TraceListSink sink) throws IOException {
    read(
        in,
        parser -> {
          int traceIndex = 0;
          while (nextElement(parser)) {
            int index = traceIndex++;
            readSpans(parser, span -> sink.accept(index, span));
          }
        });
  }

  /**
   * Reads one trace's list of spans, giving each span to the sink as soon as it is read.
   *
   * @throws ZipkinFormatException when the input is not a list of Zipkin v2 spans
   */
  static void readTrace(InputStream in, Consumer<Span> sink) throws IOException {
    read(in, parser -> readSpansOfList(parser, sink));
  }

  /** Reads the body of the top-level array the parser has just entered. */
  @FunctionalInterface
  private interface ArrayBody {
    void read(JsonParser parser) throws IOException;
  }

  private static void read(InputStream in, ArrayBody body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(in)) {
      if (parser.nextToken() == null || !isArray(parser, "answer")) {
        throw fail(parser, "the answer is not a JSON array");
      }
      body.read(parser);
      if (parser.nextToken() != null) {
        throw fail(parser, "more than one JSON value in the answer");
      }
    } catch (ZipkinFormatException malformed) {
      throw malformed;
    } catch (JsonShapeException wrongShape) {
      throw new ZipkinFormatException(wrongShape.getMessage(), null);
    } catch (JsonProcessingException malformed) {
      // Jackson's message quotes the offending input, which may carry customer IDs.
      throw new ZipkinFormatException(
          "not valid JSON (" + malformed.getClass().getSimpleName() + ")", malformed.getLocation());
    } catch (CharConversionException badEncoding) {
      throw new ZipkinFormatException("the answer is not valid Unicode text", null);
    }
  }

  private static void readSpans(JsonParser parser, Consumer<Span> sink) throws IOException {
    if (isArray(parser, "trace")) {
      readSpansOfList(parser, sink);
    }
  }

  /** Reads spans until the array the parser is in ends. */
  private static void readSpansOfList(JsonParser parser, Consumer<Span> sink) throws IOException {
    while (nextElement(parser)) {
      Span span = ZipkinSpanReader.read(parser);
      if (span != null) {
        sink.accept(span);
      }
    }
  }
}
