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

/** The one JSON reader for ticket-system answers, and small helpers for their loose fields. */
public final class TicketJson {
  public static final String MEDIA_TYPE = "application/json";
  // Its own mapper, not WireJson's: ticket wire records name fields as each vendor spells them
  // (no snake_case rule), and creation times arrive as ISO text or Unix seconds (InstantReader).
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .registerModule(new SimpleModule().addDeserializer(Instant.class, new InstantReader()));

  private TicketJson() {}

  /**
   * Maps a wire record to what a resolver reads. It refuses an answer that lacks what it needs with
   * an {@link IOException}, which reads as malformed; anything else it throws is a bug of the
   * bot's.
   */
  @FunctionalInterface
  public interface WireMapping<W, T> {
    T map(W wire) throws IOException;
  }

  /**
   * Returns a reader binding the body to a wire record; an answer that does not bind is malformed.
   */
  public static <T> BodyReader<T> reader(Class<T> wire) {
    return reader(wire, value -> value);
  }

  /** Returns a reader binding the body to a wire record, then mapping it. */
  public static <W, T> BodyReader<T> reader(Class<W> wire, WireMapping<W, T> mapping) {
    return body -> mapping.map(MAPPER.readValue(body, wire));
  }

  /** Returns a tree read as the type; an {@link IOException}, as for a body, when it is not one. */
  public static <T> T convert(JsonNode node, Class<T> type) throws IOException {
    try {
      return MAPPER.convertValue(node, type);
    } catch (IllegalArgumentException notThatType) {
      // Jackson reports a tree that does not fit the type unchecked; it is the answer's fault, not
      // a bug.
      throw new IOException("not a " + type.getSimpleName(), notThatType);
    }
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
    public Instant deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
        return Instant.ofEpochSecond(parser.getLongValue());
      }
      String text = parser.getValueAsString();
      return Timestamps.parse(text)
          .orElseThrow(() -> context.weirdStringException(text, Instant.class, "not a timestamp"));
    }
  }
}
