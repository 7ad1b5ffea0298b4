package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.tickets.FakeZendeskNotes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lookup --note-ticket}: the command line writes the finding into the ticket as the button
 * does, once across runs that share the fingerprint key, and {@code --format blocks} prints the
 * card with "Add note to ticket".
 */
final class LookupCliNoteTest {
  private static final String KEY =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
  private static final String TICKET = "https://acme.zendesk.com/agent/tickets/4512";
  @TempDir Path dir;
  private FakeZendeskNotes zendesk;
  private Path config;

  @BeforeEach
  void start() throws Exception {
    zendesk =
        new FakeZendeskNotes(
            request ->
                new Reply(404, "application/json", "{\"error\":\"RecordNotFound\"}", Map.of()));
    Path demo = Path.of("config/demo").toAbsolutePath();
    config =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            "backend:\n  directory: "
                + demo
                + "\nincidents:\n  sources:\n    - {type: file, name: demo incidents, path: "
                + demo.resolve("incidents.yml")
                + "}\ntickets:\n  zendesk:\n    url: "
                + zendesk.uri()
                + "\n    host: acme.zendesk.com\n    email-env: ZENDESK_EMAIL\n"
                + "    token-env: ZENDESK_API_TOKEN\n    write-token-env: ZENDESK_WRITE_TOKEN\n");
  }

  @AfterEach
  void stop() throws Exception {
    zendesk.close();
  }

  private Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LookupCli.run(
            ConfigLoader.load(
                Map.of(
                    "TRACE_LOOKUP_CONFIG", config.toString(),
                    "ZENDESK_EMAIL", "bot@acme.com",
                    "ZENDESK_API_TOKEN", "read",
                    "ZENDESK_WRITE_TOKEN", "write",
                    "FINGERPRINT_KEY", KEY)),
            Clock.systemUTC(),
            List.of(args),
            ZoneOffset.UTC,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Result(int exit, String out, String err) {}

  @Test
  void noteTicket_writesTheNoteOnceAndPrintsTheCardWithTheButton() {
    Result first =
        run(
            "--format",
            "blocks",
            "--note-ticket",
            TICKET,
            "usr_k8x9m2",
            "2026-02-06",
            "14:15",
            "tz",
            "UTC");
    Result second = run("--note-ticket", TICKET, "usr_k8x9m2", "2026-02-06", "14:15", "tz", "UTC");

    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("\"action_id\":\"add_ticket_note\"")
        .contains("Add note to ticket")
        .contains("Added an internal note to Zendesk #4512");
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.out()).contains("payment-svc/charge").contains("already noted");
    assertThat(zendesk.writes()).isEqualTo(1);
    assertThat(zendesk.comments().get(0).path("public").asBoolean(true)).isFalse();
    assertThat(zendesk.comments().get(0).path("html_body").asText())
        .contains("POST payment-svc/charge")
        .contains("INC-4521")
        .doesNotContain("usr_k8x9m2");
  }

  @Test
  void noteTicket_notATicketLink_isRefusedBeforeAnyLookup() {
    Result refused = run("--note-ticket", "https://example.com/x", "usr_k8x9m2", "14:15");

    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err()).contains("--note-ticket https://example.com/x is not");
    assertThat(zendesk.server().pending()).isZero();
  }
}
