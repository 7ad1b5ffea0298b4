package dev.tracelookup.tickets;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.tracelookup.http.BodyReader;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The one JSON reader for ticket-system answers, and small helpers for their loose fields. */
public final class TicketJson {
  public static final String MEDIA_TYPE = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .registerModule(new SimpleModule().addDeserializer(Instant.class, new InstantReader()));

  private TicketJson() {}

  /** Returns a reader binding the body to a wire record; anything that fails reads as malformed. */
  public static <T> BodyReader<T> reader(Class<T> wire) {
    return reader(wire, Function.identity());
  }

  /** Returns a reader binding the body to a wire record, then mapping it; failures read as malformed. */
  public static <W, T> BodyReader<T> reader(Class<W> wire, Function<W, T> mapping) {
    return body -> mapping.apply(MAPPER.readValue(body, wire));
  }

  public static <T> T convert(JsonNode node, Class<T> type) {
    return MAPPER.convertValue(node, type);
  }

  /** Returns a custom field's value as an ID: text or a whole number, trimmed, never blank. */
  public static Optional<String> id(JsonNode value) {
    if (value == null || !(value.isTextual() || value.isIntegralNumber())) {
      return Optional.empty();
    }
    String text = value.asText().trim();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  public static Optional<String> id(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public static Optional<JsonNode> field(Map<String, JsonNode> fields, Optional<String> name) {
    if (fields == null || name.isEmpty()) {
      return Optional.empty();
    }
    JsonNode value = fields.get(name.get());
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** Reads the creation times ticket systems send: ISO 8601 text, or Unix seconds (Intercom). */
  private static final class InstantReader extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochSecond(parser.getLongValue());
      }
      String text = parser.getValueAsString();
      return Timestamps.parse(text)
          .orElseThrow(() -> context.weirdStringException(text, Instant.class, "not a timestamp"));
    }
  }
}
