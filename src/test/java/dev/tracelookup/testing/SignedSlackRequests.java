package dev.tracelookup.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Sends requests to {@code /slack/events} signed the way Slack signs them (v0, HMAC-SHA256). */
public final class SignedSlackRequests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI events;
  private final String secret;

  public SignedSlackRequests(URI serverBase, String secret) {
    this.events = serverBase.resolve("/slack/events");
    this.secret = secret;
  }

  /**
   * Posts a slash command from {@code user} in {@code channel}, answered at {@code responseUrl}.
   */
  public HttpResponse<String> command(String user, String channel, String text, URI responseUrl)
      throws Exception {
    return form(
        "token=legacy&team_id=T0001&channel_id="
            + channel
            + "&user_id="
            + user
            + "&command=%2Ftrace-lookup&text="
            + encode(text)
            + "&response_url="
            + encode(responseUrl.toString())
            + "&trigger_id=1.2.3");
  }

  /** Posts an interactivity payload (button, shortcut, form), form-encoded as Slack does. */
  public HttpResponse<String> payload(String json) throws Exception {
    return form("payload=" + encode(json));
  }

  /** Posts an Events API callback. */
  public HttpResponse<String> event(String json) throws Exception {
    return send(json, "application/json");
  }

  /**
   * Posts an Events API callback as Slack's retry number {@code retryNum} of it, with the headers
   * Slack adds ({@code X-Slack-Retry-Num}, {@code X-Slack-Retry-Reason}).
   */
  public HttpResponse<String> eventRetry(String json, int retryNum, String reason)
      throws Exception {
    return send(
        json,
        "application/json",
        Map.of("X-Slack-Retry-Num", String.valueOf(retryNum), "X-Slack-Retry-Reason", reason));
  }

  public HttpResponse<String> form(String body) throws Exception {
    return send(body, "application/x-www-form-urlencoded");
  }

  private HttpResponse<String> send(String body, String contentType) throws Exception {
    return send(body, contentType, Map.of());
  }

  private HttpResponse<String> send(String body, String contentType, Map<String, String> headers)
      throws Exception {
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest.Builder request = HttpRequest.newBuilder(events);
    headers.forEach(request::header);
    return http.send(
        request
            .header("Content-Type", contentType)
            .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
            .header("X-Slack-Signature", signature(timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Returns the {@code X-Slack-Signature} of the body at that timestamp. */
  public String signature(long timestamp, String body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder signature = new StringBuilder("v0=");
    for (byte b : mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8))) {
      signature.append(String.format("%02x", b));
    }
    return signature.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
