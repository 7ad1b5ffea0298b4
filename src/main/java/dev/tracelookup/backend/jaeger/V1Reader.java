package dev.tracelookup.backend.jaeger;

import static dev.tracelookup.backend.json.JsonSteps.fail;
import static dev.tracelookup.backend.json.JsonSteps.isArray;
import static dev.tracelookup.backend.json.JsonSteps.isObject;
import static dev.tracelookup.backend.json.JsonSteps.nextElement;
import static dev.tracelookup.backend.json.JsonSteps.nextField;
import static dev.tracelookup.backend.json.JsonSteps.skip;
import static dev.tracelookup.backend.json.JsonSteps.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tracelookup.backend.json.JsonShapeException;
import dev.tracelookup.trace.Trace;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads Jaeger's UI JSON answer, {@code {"data":[..],"total":0,"limit":0,"offset":0,"errors":..}},
 * with Jackson's streaming parser: only the spans themselves are kept, never a tree of the
 * document. One instance reads one answer.
 */
final class V1Reader {
  private final V1TraceReader traces;

  /**
   * @param keptProcessKeys process tags to copy onto the spans: the user keys
   */
  /** Jaeger's UI JSON nests six levels deep; anything far deeper is not Jaeger's. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  V1Reader(Set<String> keptProcessKeys) {
    this.traces = new V1TraceReader(new StringPool(), Set.copyOf(keptProcessKeys));
  }

  /**
   * Reads the answer.
   *
   * @throws JaegerFormatException when it is not Jaeger's UI JSON
   */
  V1Response read(InputStream body) throws IOException {
    List<Trace> found = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw fail(parser, "the answer is not a JSON object");
      }
      for (String field = nextField(parser); field != null; field = nextField(parser)) {
        if (field.equals("data")) {
          readTraces(parser, found);
        } else if (field.equals("errors")) {
          readErrors(parser, errors);
        } else {
          skip(parser);
        }
      }
    } catch (JsonShapeException wrongShape) {
      throw new JaegerFormatException(wrongShape.getMessage());
    } catch (JsonProcessingException malformed) {
      // Jackson's message quotes the offending input, which may carry customer IDs.
      throw new JaegerFormatException(
          "not valid JSON (" + malformed.getClass().getSimpleName() + ")" + where(malformed));
    } catch (CharConversionException badEncoding) {
      throw new JaegerFormatException("the answer is not valid Unicode text");
    }
    return new V1Response(found, errors);
  }

  private static String where(JsonProcessingException malformed) {
    JsonLocation location = malformed.getLocation();
    return location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private void readTraces(JsonParser parser, List<Trace> found) throws IOException {
    if (!isArray(parser, "data")) {
      return;
    }
    while (nextElement(parser)) {
      Trace trace = traces.read(parser);
      if (trace != null) {
        found.add(trace);
      }
    }
  }

  /** Reads {@code [{"code":..,"msg":..,"traceID":..}]} as "msg (code)" lines. */
  private static void readErrors(JsonParser parser, List<String> errors) throws IOException {
    if (!isArray(parser, "errors")) {
      return;
    }
    while (nextElement(parser)) {
      if (!isObject(parser, "errors")) {
        continue;
      }
      String message = "";
      String code = "";
      for (String field = nextField(parser); field != null; field = nextField(parser)) {
        if (field.equals("msg")) {
          message = String.valueOf(text(parser, "msg"));
        } else if (field.equals("code")) {
          code = " (" + text(parser, "code") + ")";
        } else {
          skip(parser);
        }
      }
      errors.add(message + code);
    }
  }
}
