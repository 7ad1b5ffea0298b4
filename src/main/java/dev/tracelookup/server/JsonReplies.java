package dev.tracelookup.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.json.JsonMappers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes JSON answers; error bodies say what is wrong in a few words and never how we work inside.
 */
public final class JsonReplies {
  // Not JsonMappers.PLAIN: answers carry java.time values, written as ISO-8601 text, not numbers.
  private static final ObjectMapper JSON = JsonMappers.ANSWERS;

  private JsonReplies() {}

  /** Writes {@code {"error": message}} with the status. */
  public static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    write(response, status, Map.of("error", message));
  }

  /** Writes the value as JSON with the status. */
  public static void write(HttpServletResponse response, int status, Object value)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(value);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
