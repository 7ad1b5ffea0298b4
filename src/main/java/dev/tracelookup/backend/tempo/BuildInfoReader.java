package dev.tracelookup.backend.tempo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tracelookup.http.BodyReader;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the {@code version} of {@code GET /api/status/buildinfo}, {@code {"version":"2.5.0",
 * "revision":..,"branch":..,"goVersion":..}}; empty text when the answer has none.
 */
final class BuildInfoReader implements BodyReader<String> {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  @Override
  public String read(InputStream body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return "";
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("version") && value == JsonToken.VALUE_STRING) {
          return parser.getText().trim();
        }
        parser.skipChildren();
      }
      return "";
    }
  }
}
