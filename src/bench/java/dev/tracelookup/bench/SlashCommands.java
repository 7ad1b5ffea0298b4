package dev.tracelookup.bench;

import dev.tracelookup.server.SignatureOnlyServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Slash commands as Slack sends them: a form body signed at send time. Command {@code n} looks up
 * its own customer ({@code usr_n}), so no lookup is answered from the cache or shares another's
 * search, and answers at its own {@code response_url} ({@code …/n}), so answers can be counted.
 */
final class SlashCommands {
  static final String SECRET = "bench-signing-secret";
  static final int AGENTS = 4;

  private final URI responseBase;

  SlashCommands(URI responseBase) {
    this.responseBase = responseBase;
  }

  /** Returns command {@code n} to {@code endpoint}, signed now. */
  HttpRequest command(URI endpoint, int n) {
    byte[] body = body(n).getBytes(StandardCharsets.UTF_8);
    long now = Instant.now().getEpochSecond();
    return HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Slack-Request-Timestamp", String.valueOf(now))
        .header("X-Slack-Signature", SignatureOnlyServer.sign(SECRET, now, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  static String agent(int n) {
    return "U0AGENT" + (n % AGENTS);
  }

  private String body(int n) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy");
    form.put("team_id", "T0001");
    form.put("team_domain", "acme");
    form.put("channel_id", "C0SUPPORT");
    form.put("channel_name", "support");
    form.put("user_id", agent(n));
    form.put("user_name", "agent");
    form.put("command", "/trace-lookup");
    form.put("text", "usr_" + n + " 2:15pm");
    form.put("api_app_id", "A0001");
    form.put("response_url", responseBase.resolve(String.valueOf(n)).toString());
    form.put("trigger_id", "1.2." + n);
    return form.entrySet().stream()
        .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
