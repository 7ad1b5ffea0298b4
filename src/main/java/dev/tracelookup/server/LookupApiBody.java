package dev.tracelookup.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.json.JsonMappers;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON body of {@code POST /api/lookup} into the same named parameters GET takes, so one
 * reader ({@link LookupApiQuery}) checks both. The body is read only up to its limit.
 */
final class LookupApiBody {
  /**
   * As much as Jetty allows for a GET's request line and headers: a lookup needs a few hundred
   * bytes.
   */
  static final int MAX_BYTES = 8 * 1024;

  private static final ObjectMapper JSON = JsonMappers.PLAIN;
  private static final List<String> TEXT_FIELDS =
      List.of("user_id", "start", "end", "service", "action");
  private static final String SHAPE =
      "send the parameters as a JSON object, e.g. {\"user_id\": \"usr_k8x9m2\","
          + " \"start\": \"2026-02-06T14:00:00Z\", \"end\": \"2026-02-06T14:30:00Z\"}";

  private LookupApiBody() {}

  /** What reading the body gave: the parameters by name, or why it was refused. */
  sealed interface Result permits Parameters, Refused {}

  /** The body's parameters as GET would have them ({@code errors_only} as "true" or "false"). */
  record Parameters(Map<String, String> values) implements Result {
    Parameters {
      values = Map.copyOf(values);
    }
  }

  /** A body that cannot be read, with the status and a sentence saying what is expected. */
  record Refused(int status, String message) implements Result {}

  /**
   * Reads at most {@code maxBytes} (and never more than {@link #MAX_BYTES}) of the request's body.
   */
  static Result read(HttpServletRequest request, int maxBytes) throws IOException {
    int limit = Math.min(maxBytes, MAX_BYTES);
    if (request.getContentLengthLong() > limit) {
      return tooLarge(limit);
    }
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(limit + 1);
    }
    if (bytes.length > limit) {
      return tooLarge(limit);
    }
    JsonNode body;
    try {
      body = JSON.readTree(bytes);
    } catch (JacksonException notJson) {
      return new Refused(400, SHAPE);
    }
    return body != null && body.isObject() ? parameters(body) : new Refused(400, SHAPE);
  }

  private static Result parameters(JsonNode body) {
    Map<String, String> values = new HashMap<>();
    for (String name : TEXT_FIELDS) {
      JsonNode value = body.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      // Numeric user IDs are common enough to take as they are; anything else must be a string.
      if (!value.isTextual() && !(name.equals("user_id") && value.isIntegralNumber())) {
        return new Refused(400, name + " must be a JSON string");
      }
      values.put(name, value.asText());
    }
    JsonNode errorsOnly = body.get("errors_only");
    if (errorsOnly != null && !errorsOnly.isNull()) {
      String flag = errorsOnly.asText().toLowerCase(Locale.ROOT);
      if (!errorsOnly.isBoolean() && !flag.equals("true") && !flag.equals("false")) {
        return new Refused(400, "errors_only is true or false");
      }
      values.put("errors_only", flag);
    }
    return new Parameters(values);
  }

  private static Refused tooLarge(int limit) {
    return new Refused(
        413,
        "the body is larger than "
            + limit
            + " bytes; a lookup needs only user_id, start, end,"
            + " service, action and errors_only");
  }
}
