package dev.tracelookup.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A slash command's form fields as Slack posts them to the app, from the #support channel. */
public final class SlashCommandForm {
  private SlashCommandForm() {}

  /**
   * Returns the fields of {@code /trace-lookup <text>} typed by the Slack user; a test may change
   * them.
   */
  public static Map<String, String> fields(String slackUserId, String text, String responseUrl) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy");
    form.put("team_id", "T0001");
    form.put("team_domain", "acme");
    form.put("channel_id", "C0SUPPORT");
    form.put("channel_name", "support");
    form.put("user_id", slackUserId);
    form.put("user_name", "agent");
    form.put("command", "/trace-lookup");
    form.put("text", text);
    form.put("api_app_id", "A0001");
    form.put("response_url", responseUrl);
    form.put("trigger_id", "1.2.3");
    return form;
  }

  /** Returns the fields as an {@code application/x-www-form-urlencoded} body. */
  public static String encoded(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            field ->
                field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
