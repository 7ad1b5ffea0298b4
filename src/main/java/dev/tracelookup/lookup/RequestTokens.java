package dev.tracelookup.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Encodes a lookup into a button value and back, so Share and Refresh can redo it on any replica
 * after the cache has forgotten it. Values come back from Slack signed, but are still checked as
 * strictly as typed input: a value that does not decode to a valid lookup is refused.
 */
public final class RequestTokens {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private final Pattern userIdPattern;
  private final Duration maxWindow;

  public RequestTokens(Pattern userIdPattern, Duration maxWindow) {
    this.userIdPattern = userIdPattern;
    this.maxWindow = maxWindow;
  }

  /** Returns the compact JSON for the request. */
  public String encode(LookupRequest request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", VERSION);
    node.put("u", request.userId());
    node.put("f", request.window().from().getEpochSecond());
    node.put("t", request.window().to().getEpochSecond());
    node.put("z", request.window().zone().getId());
    node.put("b", request.window().basis());
    request.service().ifPresent(s -> node.put("s", s));
    request.spanName().ifPresent(a -> node.put("a", a));
    if (request.errorsOnly()) {
      node.put("e", true);
    }
    return node.toString();
  }

  /** Returns the request, or empty when the value is not one this bot wrote. */
  public Optional<LookupRequest> decode(String token) {
    if (token == null || token.length() > 2_000) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(token);
      if (node == null || !node.isObject() || node.path("v").asInt() != VERSION) {
        return Optional.empty();
      }
      return request(node);
    } catch (JsonProcessingException | DateTimeException | IllegalArgumentException tampered) {
      return Optional.empty();
    }
  }

  private Optional<LookupRequest> request(JsonNode node) {
    String userId = node.path("u").asText("");
    Instant from = Instant.ofEpochSecond(node.path("f").asLong(-1));
    Instant to = Instant.ofEpochSecond(node.path("t").asLong(-1));
    if (!userIdPattern.matcher(userId).matches() || from.getEpochSecond() < 0 || to.isBefore(from)
        || Duration.between(from, to).compareTo(maxWindow) > 0) {
      return Optional.empty();
    }
    TimeWindow window = new TimeWindow(from, to, ZoneId.of(node.path("z").asText("UTC")), node.path("b").asText(""));
    return Optional.of(new LookupRequest(userId, window, text(node, "s"), text(node, "a"), node.path("e").asBoolean(false)));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
  }
}
