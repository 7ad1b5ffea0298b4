package dev.tracelookup.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.json.JsonMappers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes a lookup into a button value and back, so Share and Refresh can redo it on any replica
 * after the cache has forgotten it. Values come back from Slack signed, but are still checked as
 * strictly as typed input: a value that does not decode to a valid lookup is refused.
 *
 * <p>Each value carries a MAC under a key every replica shares, so a value that was edited (another
 * customer, a wider window) is refused rather than run: a button only ever redoes the lookup its
 * card showed.
 */
public final class RequestTokens {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;
  private static final int VERSION = 1;
  private static final char SEPARATOR = '~';

  /**
   * Signed into trace values only, so no lookup value's MAC can ever pass for one, nor the reverse.
   */
  private static final String TRACE_DOMAIN = "trace button:";

  /** Signed into page values only, so a page value never passes for a Share or Refresh one. */
  private static final String PAGE_DOMAIN = "page button:";

  /** Signed into "Add note to ticket" values only, apart from lookup and trace values. */
  private static final String NOTE_DOMAIN = "note button:";

  /** 128 bits of the HMAC: unforgeable, and short enough to keep values far under Slack's 2,000. */
  private static final int MAC_BYTES = 16;

  private final Pattern userIdPattern;
  private final Duration maxWindow;
  private final SecretKeySpec key;

  /**
   * @param key shared by every replica (e.g. derived from the Slack signing secret), so a value
   *     written by one is read by the others
   */
  public RequestTokens(Pattern userIdPattern, Duration maxWindow, byte[] key) {
    this.userIdPattern = userIdPattern;
    this.maxWindow = maxWindow;
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /** Returns the compact JSON for the request, followed by its MAC. */
  public String encode(LookupRequest request) {
    String json = json(request);
    return json + SEPARATOR + mac(json);
  }

  private static String json(LookupRequest request) {
    return jsonNode(request).toString();
  }

  private static ObjectNode jsonNode(LookupRequest request) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", VERSION);
    node.put("u", request.userId());
    node.put("f", request.window().from().getEpochSecond());
    node.put("t", request.window().to().getEpochSecond());
    node.put("z", request.window().zone().getId());
    node.put("b", request.window().basis());
    request.window().stated().ifPresent(at -> node.put("p", at.getEpochSecond()));
    request.service().ifPresent(s -> node.put("s", s));
    request.spanName().ifPresent(a -> node.put("a", a));
    if (request.errorsOnly()) {
      node.put("e", true);
    }
    return node;
  }

  /**
   * An "Add note to ticket" button's value: the ticket and the lookup whose finding goes into it.
   *
   * @param ticketUrl the ticket link as the agent gave it
   */
  public record NoteButton(String ticketUrl, LookupRequest request) {}

  /** Returns the lookup and the ticket link, signed together so neither can be swapped. */
  public String noteValue(String ticketUrl, LookupRequest request) {
    ObjectNode node = jsonNode(request);
    node.put("k", ticketUrl);
    String json = node.toString();
    return json + SEPARATOR + mac(NOTE_DOMAIN + json);
  }

  /** Returns the note button, or empty when the value is not one this bot wrote, unchanged. */
  public Optional<NoteButton> note(String value) {
    int separator = value == null ? -1 : value.lastIndexOf(SEPARATOR);
    if (separator < 0 || value.length() > 2_000) {
      return Optional.empty();
    }
    String json = value.substring(0, separator);
    byte[] expected = mac(NOTE_DOMAIN + json).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, value.substring(separator + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null
          || !node.isObject()
          || node.path("v").asInt() != VERSION
          || !node.path("k").isTextual()) {
        return Optional.empty();
      }
      String ticketUrl = node.path("k").asText();
      return request(node).map(request -> new NoteButton(ticketUrl, request));
    } catch (JsonProcessingException | DateTimeException | IllegalArgumentException tampered) {
      return Optional.empty();
    }
  }

  /**
   * A "Show trace" or "Draft customer reply" button's value: the trace, and the customer whose
   * lookup showed it, by fingerprint, so pressing it is audited against that customer on any
   * replica.
   *
   * @param customer the customer's fingerprint, empty for a value written before buttons carried
   *     one
   */
  public record TraceButton(String traceId, Optional<String> customer) {}

  /** Returns {@code <trace ID>~<customer fingerprint>~<MAC>}; the fingerprint is channel-safe. */
  public String traceValue(String traceId, String customerFingerprint) {
    String signed = traceId + SEPARATOR + customerFingerprint;
    return signed + SEPARATOR + mac(TRACE_DOMAIN + signed);
  }

  /**
   * Returns the trace button, or empty when the value is not one this bot wrote, unchanged. A bare
   * trace ID is what cards carried before: still served, with the customer unknown.
   */
  public Optional<TraceButton> trace(String value) {
    if (value == null || value.isEmpty() || value.length() > 2_000) {
      return Optional.empty();
    }
    int separator = value.lastIndexOf(SEPARATOR);
    if (separator < 0) {
      return Optional.of(new TraceButton(value, Optional.empty()));
    }
    String signed = value.substring(0, separator);
    int between = signed.indexOf(SEPARATOR);
    byte[] expected = mac(TRACE_DOMAIN + signed).getBytes(StandardCharsets.US_ASCII);
    if (between <= 0
        || between == signed.length() - 1
        || !MessageDigest.isEqual(
            expected, value.substring(separator + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    return Optional.of(
        new TraceButton(signed.substring(0, between), Optional.of(signed.substring(between + 1))));
  }

  /** Returns the request, or empty when the value is not one this bot wrote, unchanged. */
  public Optional<LookupRequest> decode(String token) {
    return signedJson(token, "").flatMap(this::request);
  }

  /**
   * A "Next" or "Previous" button's value: the lookup (the customer, the window, the moment they
   * named, the filters) and the page it shows, so any replica can serve it.
   */
  public record PageButton(LookupRequest request, int page) {}

  /** Returns the lookup with the page to show, followed by a MAC of their own. */
  public String pageValue(LookupRequest request, int page) {
    ObjectNode node = jsonNode(request);
    node.put("g", page);
    String json = node.toString();
    return json + SEPARATOR + mac(PAGE_DOMAIN + json);
  }

  /** Returns the page button, or empty when the value is not one this bot wrote, unchanged. */
  public Optional<PageButton> page(String value) {
    return signedJson(value, PAGE_DOMAIN)
        .flatMap(
            node -> {
              int page = node.path("g").asInt(0);
              return page < 1 || page > TraceLookup.MAX_PAGES
                  ? Optional.empty()
                  : request(node).map(request -> new PageButton(request, page));
            });
  }

  /** Returns the JSON of a value signed in {@code domain}, or empty when it was not, unchanged. */
  private Optional<JsonNode> signedJson(String token, String domain) {
    int separator = token == null ? -1 : token.lastIndexOf(SEPARATOR);
    if (separator < 0 || token.length() > 2_000) {
      return Optional.empty();
    }
    String json = token.substring(0, separator);
    byte[] expected = mac(domain + json).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(
        expected, token.substring(separator + 1).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject() || node.path("v").asInt() != VERSION) {
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (JsonProcessingException tampered) {
      return Optional.empty();
    }
  }

  private Optional<LookupRequest> request(JsonNode node) {
    try {
      return readRequest(node);
    } catch (DateTimeException | IllegalArgumentException tampered) {
      return Optional.empty();
    }
  }

  private Optional<LookupRequest> readRequest(JsonNode node) {
    String userId = node.path("u").asText("");
    Instant from = Instant.ofEpochSecond(node.path("f").asLong(-1));
    Instant to = Instant.ofEpochSecond(node.path("t").asLong(-1));
    if (!userIdPattern.matcher(userId).matches()
        || from.getEpochSecond() < 0
        || to.isBefore(from)
        || Duration.between(from, to).compareTo(maxWindow) > 0) {
      return Optional.empty();
    }
    Optional<Instant> stated =
        node.has("p")
            ? Optional.of(Instant.ofEpochSecond(node.path("p").asLong()))
            : Optional.empty();
    TimeWindow window =
        new TimeWindow(
            from, to, ZoneId.of(node.path("z").asText("UTC")), node.path("b").asText(""), stated);
    return Optional.of(
        new LookupRequest(
            userId, window, text(node, "s"), text(node, "a"), node.path("e").asBoolean(false)));
  }

  private String mac(String json) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] full = mac.doFinal(json.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
    } catch (GeneralSecurityException missing) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", missing);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? Optional.empty()
        : Optional.of(value.asText());
  }
}
