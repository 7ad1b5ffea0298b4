package dev.tracelookup.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends requests to the bot's {@code /slack/events} as Slack does: form-encoded, signed with the
 * signing secret ({@code v0=HMAC-SHA256("v0:" + timestamp + ":" + body)}), asynchronously so a test
 * can fire a burst and wait on the acks together.
 */
public final class SlackRequests {
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI events;
  private final SignedSlackRequests signer;

  public SlackRequests(URI botUri, String secret) {
    this.events = botUri.resolve("/slack/events");
    this.signer = new SignedSlackRequests(botUri, secret);
  }

  /** Returns the form of a slash command from agent U0AGENT in channel C0SUPPORT. */
  public static Map<String, String> slashCommand(
      String command, String text, URI responseUrl, String triggerId) {
    Map<String, String> form = SlashCommandForm.fields("U0AGENT", text, responseUrl.toString());
    form.put("command", command);
    form.put("trigger_id", triggerId);
    return form;
  }

  /**
   * Returns the {@code block_actions} payload of agent U0AGENT pressing a button on a private card
   * in channel C0SUPPORT, as Slack sends it.
   */
  public static String buttonPress(String actionId, String value, URI responseUrl) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\"U0AGENT\",\"username\":\"agent\","
        + "\"team_id\":\"T0001\"},\"api_app_id\":\"A0001\",\"token\":\"legacy\","
        + "\"container\":{\"type\":\"message\",\"message_ts\":\"1700000000.000100\","
        + "\"channel_id\":\"C0SUPPORT\",\"is_ephemeral\":true},\"trigger_id\":\"1.2.3\","
        + "\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"},"
        + "\"channel\":{\"id\":\"C0SUPPORT\",\"name\":\"support\"},\"response_url\":\""
        + responseUrl
        + "\",\"actions\":[{\"action_id\":"
        + new com.google.gson.Gson().toJson(actionId)
        + ",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Press\"},"
        + "\"value\":"
        + new com.google.gson.Gson().toJson(value)
        + ",\"type\":\"button\",\"action_ts\":\"1700000002.000300\"}]}";
  }

  /**
   * Returns the {@code app_mention} event callback of agent U0AGENT mentioning the bot in a thread
   * of channel C0SUPPORT, as Slack sends it.
   */
  public static String mentionInThread(String text, String eventId) {
    return "{\"token\":\"legacy\",\"team_id\":\"T0001\",\"api_app_id\":\"A0001\","
        + "\"type\":\"event_callback\",\"event_id\":"
        + new com.google.gson.Gson().toJson(eventId)
        + ",\"event_time\":1770389300,\"event\":{\"type\":\"app_mention\",\"user\":\"U0AGENT\","
        + "\"text\":"
        + new com.google.gson.Gson().toJson(text)
        + ",\"ts\":\"1770389300.000400\",\"channel\":\"C0SUPPORT\","
        + "\"thread_ts\":\"1770389000.000100\",\"event_ts\":\"1770389300.000400\"}}";
  }

  /** Sends a signed form; the future fails when the bot cannot be reached. */
  public CompletableFuture<HttpResponse<String>> sendForm(Map<String, String> form) {
    String body = SlashCommandForm.encoded(form);
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(events)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
            .header("X-Slack-Signature", sign(timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends an interactive payload ({@code payload=<json>}), as shortcuts, buttons and modals arrive.
   */
  public CompletableFuture<HttpResponse<String>> sendPayload(String json) {
    return sendForm(Map.of("payload", json));
  }

  private String sign(long timestamp, String body) {
    try {
      return signer.signature(timestamp, body);
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("HmacSHA256 is not available", unavailable);
    }
  }
}
