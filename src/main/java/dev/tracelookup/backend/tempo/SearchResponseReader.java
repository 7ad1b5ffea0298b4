package dev.tracelookup.backend.tempo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tracelookup.http.BodyReader;
import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code /api/search} answers as they stream in: {@code {"traces":[{"traceID":..,
 * "startTimeUnixNano":"..",..}],"metrics":{..}}}. Only the trace ID and start are kept; the matched
 * span sets ({@code spanSet}, {@code spanSets}) and the metrics are skipped unread.
 *
 * <p>A document of the wrong shape fails as a whole; one entry with an ID that is no trace ID is
 * only counted, so the other traces can still be shown.
 */
final class SearchResponseReader implements BodyReader<SearchHits> {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  @Override
  public SearchHits read(InputStream body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      require(
          parser, parser.nextToken() == JsonToken.START_OBJECT, "the answer is not a JSON object");
      List<SearchHits.Hit> hits = new ArrayList<>();
      int unreadable = 0;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("traces")) {
          unreadable += traces(parser, hits);
        } else {
          parser.skipChildren();
        }
      }
      return new SearchHits(hits, unreadable);
    }
  }

  /** Reads the {@code traces} array into the list and returns how many entries were unreadable. */
  private static int traces(JsonParser parser, List<SearchHits.Hit> into) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return 0;
    }
    require(parser, parser.currentToken() == JsonToken.START_ARRAY, "'traces' is not an array");
    int unreadable = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      require(parser, parser.currentToken() == JsonToken.START_OBJECT, "a trace is not an object");
      Optional<SearchHits.Hit> hit = trace(parser);
      if (hit.isPresent()) {
        into.add(hit.get());
      } else {
        unreadable++;
      }
    }
    return unreadable;
  }

  private static Optional<SearchHits.Hit> trace(JsonParser parser) throws IOException {
    Optional<String> traceId = Optional.empty();
    long start = 0;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("traceID") && value == JsonToken.VALUE_STRING) {
        traceId = TraceIds.traceId(parser.getText());
      } else if (field.equals("startTimeUnixNano")) {
        start = int64(parser);
      } else {
        parser.skipChildren();
      }
    }
    long startEpochNanos = start;
    return traceId.map(id -> new SearchHits.Hit(id, startEpochNanos));
  }

  /** Reads an int64 that proto JSON writes as a string; anything else counts as unknown (0). */
  private static long int64(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      try {
        return Long.parseLong(parser.getText().trim());
      } catch (NumberFormatException notAnInteger) {
        return 0;
      }
    }
    parser.skipChildren();
    return 0;
  }

  private static void require(JsonParser parser, boolean condition, String problem)
      throws JsonParseException {
    if (!condition) {
      throw new JsonParseException(parser, problem);
    }
  }
}
