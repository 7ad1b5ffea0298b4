package dev.tracelookup.bench;

import dev.tracelookup.server.SignatureOnlyServer;
import dev.tracelookup.testing.SlashCommandForm;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

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
    return SlashCommandForm.encoded(
        SlashCommandForm.fields(
            agent(n), "usr_" + n + " 2:15pm", responseBase.resolve(String.valueOf(n)).toString()));
  }
}
