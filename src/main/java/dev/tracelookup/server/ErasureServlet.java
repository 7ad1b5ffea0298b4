package dev.tracelookup.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.config.Secret;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditEntry;
import dev.tracelookup.privacy.AuditLog;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/erasure} with {@code {"user_id": "…"}}: forgets everything the bot has cached
 * about one customer, for a data-subject erasure request.
 *
 * <p>The ID travels in the body, not the URL, so access logs and proxies never record it. The
 * endpoint needs its own {@code ADMIN_API_TOKEN}: tools allowed to look customers up are not
 * thereby allowed to administer the bot.
 */
final class ErasureServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = JsonMappers.PLAIN;
  private static final int MAX_USER_ID_LENGTH = 512;
  private static final String SHAPE = "send {\"user_id\": \"<the customer's ID>\"} as JSON";

  private final transient TraceLookup lookup;
  private final transient BearerToken token;
  private final transient AuditLog audit;
  private final int maxBodyBytes;

  ErasureServlet(TraceLookup lookup, Optional<Secret> token, int maxBodyBytes, AuditLog audit) {
    this.lookup = lookup;
    this.token = new BearerToken(token, "ADMIN_API_TOKEN", "the erasure API");
    this.maxBodyBytes = maxBodyBytes;
    this.audit = audit;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!token.admit(request, response)) {
      return;
    }
    Optional<String> userId = userId(request);
    if (userId.isEmpty()) {
      JsonReplies.error(
          response, 400, SHAPE + ", the ID at most " + MAX_USER_ID_LENGTH + " characters");
      return;
    }
    TraceLookup.Erasure erasure = lookup.erase(userId.get());
    String fingerprint = lookup.fingerprints().of(userId.get());
    audit.record(
        new AuditEntry(
            "erasure",
            "admin-api",
            "",
            "",
            Optional.of(fingerprint),
            Optional.empty(),
            Optional.empty(),
            lookup.backendName(),
            erasure.traces(),
            false,
            false,
            "erased"));
    JsonReplies.write(response, 200, body(fingerprint, erasure));
  }

  private Optional<String> userId(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      return Optional.empty();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        return Optional.empty();
      }
      JsonNode id = JSON.readTree(bytes).path("user_id");
      String text = id.isTextual() ? id.asText().strip() : "";
      return text.isEmpty() || text.length() > MAX_USER_ID_LENGTH
          ? Optional.empty()
          : Optional.of(text);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }

  private static Map<String, Object> body(String fingerprint, TraceLookup.Erasure erasure) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("user", fingerprint);
    json.put("lookups_removed", erasure.lookups());
    json.put("running_lookups", erasure.running());
    json.put("traces_removed", erasure.traces());
    json.put(
        "note",
        "The bot's caches no longer hold this customer; running lookups are dropped when they end. "
            + "The trace backend and the audit log (fingerprints only) keep their own retention.");
    return json;
  }
}
