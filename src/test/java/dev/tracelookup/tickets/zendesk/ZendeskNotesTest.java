package dev.tracelookup.tickets.zendesk;

import static dev.tracelookup.tickets.NoteFixtures.ZENDESK_4512;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.tickets.FakeZendeskNotes;
import dev.tracelookup.tickets.NoteFixtures;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.TicketEndpoints;
import dev.tracelookup.tickets.TicketFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ZendeskNotesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private FakeZendeskNotes zendesk;
  private ZendeskNotes notes;

  @BeforeEach
  void start() throws Exception {
    zendesk = new FakeZendeskNotes();
    notes =
        new ZendeskNotes(
            NoteFixtures.http(
                TicketEndpoints.zendesk(zendesk.uri(), "writer@acme.com", "s3cr3t-write")));
  }

  @AfterEach
  void stop() throws Exception {
    zendesk.close();
  }

  @Test
  void add_ticketWithoutTheNote_looksForItThenPutsOnePrivateHtmlComment() throws Exception {
    NoteResult result = notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(result)
        .isEqualTo(
            new NoteResult.Written("Zendesk #4512", "https://acme.zendesk.com/agent/tickets/4512"));
    RecordedRequest looked = zendesk.server().takeRequest(WAIT);
    assertThat(looked.method()).isEqualTo("GET");
    assertThat(looked.path()).isEqualTo("/api/v2/tickets/4512/comments.json");
    assertThat(looked.query()).isEqualTo("sort_order=desc");
    RecordedRequest put = zendesk.server().takeRequest(WAIT);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.path()).isEqualTo("/api/v2/tickets/4512.json");
    assertThat(put.header("Content-Type")).startsWith("application/json");
    assertThat(put.header("Authorization"))
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString(
                        "writer@acme.com/token:s3cr3t-write".getBytes(StandardCharsets.UTF_8)));
    JsonNode body = JSON.readTree(put.body());
    assertThat(body.fieldNames()).toIterable().containsExactly("ticket");
    assertThat(body.path("ticket").fieldNames()).toIterable().containsExactly("comment");
    JsonNode comment = body.path("ticket").path("comment");
    assertThat(comment.fieldNames()).toIterable().containsExactlyInAnyOrder("html_body", "public");
    assertThat(comment.path("public").isBoolean()).isTrue();
    assertThat(comment.path("public").asBoolean()).isFalse();
    assertThat(comment.path("html_body").asText())
        .isEqualTo(
            "<p><b>Trace lookup for customer u:3f9a2c71 · 2026-02-06 14:00–14:30 UTC</b></p>"
                + "<p>❌ Failed: POST /api/v1/orders answered 500 Internal Server Error after 1.9"
                + " s</p>"
                + "<pre>✅ order.validate\n❌ payment.process_charge\n"
                + "   ❌ POST payment-svc/charge → 502 Bad Gateway</pre>"
                + "<p>Root cause: order-svc → payment-svc · POST payment-svc/charge → 502"
                + " &lt;Bad&gt; &amp; Gateway</p>"
                + "<p>Trace: <a href=\"https://grafana.acme.com/explore?trace=4bf92f35&amp;x=1\">"
                + "Trace 4bf92f35… · 2026-02-06 14:17:23 UTC</a></p>"
                + "<p>Incident: <a href=\"https://status.acme.com/incidents/4521\">Matches known"
                + " incident: INC-4521 &quot;Payment gateway unreachable&quot;</a></p>"
                + "<p><i>Added by trace-lookup · internal note · ref "
                + NoteFixtures.MARKER
                + "</i></p>");
    assertThat(zendesk.comments())
        .singleElement()
        .satisfies(c -> assertThat(c.path("public").asBoolean()).isFalse());
  }

  @Test
  void add_ticketAlreadyHoldingTheNote_writesNothingAndLinksToTheTicket() throws Exception {
    notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    NoteResult again = notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(again)
        .isEqualTo(
            new NoteResult.AlreadyNoted(
                "Zendesk #4512", "https://acme.zendesk.com/agent/tickets/4512"));
    assertThat(again.message()).contains("already noted").contains("/agent/tickets/4512");
    assertThat(zendesk.writes()).isEqualTo(1);
  }

  @Test
  void add_anotherLookupsNoteOnTheTicket_writesThisOne() throws Exception {
    notes.add(ZENDESK_4512, NoteFixtures.paymentFailure("tl-AnotherLookup0001"));

    NoteResult result = notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(result).isInstanceOf(NoteResult.Written.class);
    assertThat(zendesk.writes()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "401 | FORBIDDEN | did not accept the bot's write credentials",
        "403 | FORBIDDEN | may not add internal notes to Zendesk #4512",
        "404 | NOT_FOUND | Zendesk #4512 was not found",
        "409 | UNAVAILABLE | was being changed at the same moment",
        "422 | UNAVAILABLE | refused the note for Zendesk #4512 (422)",
        "429 | RATE_LIMITED | Try again in 30 s"
      })
  void add_writeRefused_explainsItAndWritesNothing(
      int status, TicketFailure.Kind kind, String words) throws Exception {
    zendesk.failWrites(
        new Reply(
            status,
            "application/json",
            "{\"error\":\"refused\"}",
            status == 429 ? Map.of("Retry-After", "30") : Map.of()));

    NoteResult result = notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(result).isInstanceOf(NoteResult.Failed.class);
    TicketFailure failure = ((NoteResult.Failed) result).failure();
    assertThat(failure.kind()).isEqualTo(kind);
    assertThat(failure.message()).contains(words).contains("not");
    assertThat(failure.message()).doesNotContain("s3cr3t-write").doesNotContain("refused\"");
    if (status == 429) {
      assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
    }
    zendesk.server().takeRequest(WAIT);
    assertThat(zendesk.server().takeRequest(WAIT).method()).isEqualTo("PUT");
    assertThat(zendesk.server().pending()).isZero();
    assertThat(zendesk.writes()).isZero();
  }

  @Test
  void add_writeFailsWithAServerError_isNotRetriedAndSaysPressingAgainIsSafe() throws Exception {
    zendesk.failWrites(new Reply(503, "text/plain", "Service Unavailable", Map.of()));

    NoteResult result = notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(result.message())
        .contains("did not confirm the note on Zendesk #4512")
        .contains("never added twice");
    zendesk.server().takeRequest(WAIT);
    zendesk.server().takeRequest(WAIT);
    assertThat(zendesk.server().pending()).isZero();
  }

  @Test
  void add_commentsCannotBeRead_writesNothing() throws Exception {
    zendesk
        .server()
        .route(
            request ->
                new Reply(
                    401,
                    "application/json",
                    "{\"error\":\"Couldn't authenticate you\"}",
                    Map.of()));

    NoteResult result = notes.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(result).isInstanceOf(NoteResult.Failed.class);
    assertThat(result.message())
        .contains("did not accept the bot's write credentials")
        .contains("Nothing was written");
    assertThat(zendesk.server().takeRequest(WAIT).method()).isEqualTo("GET");
    assertThat(zendesk.server().pending()).isZero();
  }
}
