package dev.tracelookup.tickets.freshdesk;

import static dev.tracelookup.tickets.NoteFixtures.FRESHDESK_77;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.tickets.NoteFixtures;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.TicketEndpoints;
import dev.tracelookup.tickets.TicketFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Freshdesk that keeps ticket 77's notes: {@code GET /api/v2/tickets/77/conversations} lists them
 * as Freshdesk does (a bare array), {@code POST /api/v2/tickets/77/notes} answers 201 with the
 * note.
 */
final class FreshdeskNotesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final List<JsonNode> conversations = new CopyOnWriteArrayList<>();
  private FakeHttpServer freshdesk;
  private FreshdeskNotes notes;

  @BeforeEach
  void start() throws Exception {
    freshdesk =
        new FakeHttpServer(
            request -> {
              if (request.method().equals("GET")
                  && request.path().equals("/api/v2/tickets/77/conversations")) {
                return Reply.json(conversations.toString());
              }
              if (request.method().equals("POST")
                  && request.path().equals("/api/v2/tickets/77/notes")) {
                try {
                  JsonNode body = JSON.readTree(request.body());
                  JsonNode note =
                      JSON.createObjectNode()
                          .put("id", 43_000_000_100L + conversations.size())
                          .put("body", body.path("body").asText())
                          .put("body_text", body.path("body").asText().replaceAll("<[^>]+>", " "))
                          .put("incoming", false)
                          .put("private", body.path("private").asBoolean(false))
                          .put("user_id", 43_000_000_001L)
                          .put("ticket_id", 77)
                          .put("created_at", "2026-02-06T15:02:11Z");
                  conversations.add(note);
                  return new Reply(201, "application/json", note.toString(), Map.of());
                } catch (Exception unreadable) {
                  return new Reply(400, "application/json", "{}", Map.of());
                }
              }
              return new Reply(404, "application/json", "", Map.of());
            });
    notes =
        new FreshdeskNotes(
            NoteFixtures.http(TicketEndpoints.freshdesk(freshdesk.uri(), "fd-write-key")));
  }

  @AfterEach
  void stop() throws Exception {
    freshdesk.close();
  }

  @Test
  void add_ticketWithoutTheNote_postsOnePrivateHtmlNote() throws Exception {
    NoteResult result = notes.add(FRESHDESK_77, NoteFixtures.paymentFailure());

    assertThat(result)
        .isEqualTo(
            new NoteResult.Written("Freshdesk #77", "https://acme.freshdesk.com/a/tickets/77"));
    RecordedRequest looked = freshdesk.takeRequest(WAIT);
    assertThat(looked.query()).isEqualTo("per_page=100");
    RecordedRequest posted = freshdesk.takeRequest(WAIT);
    assertThat(posted.method()).isEqualTo("POST");
    assertThat(posted.path()).isEqualTo("/api/v2/tickets/77/notes");
    JsonNode body = JSON.readTree(posted.body());
    assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("body", "private");
    assertThat(body.path("private").isBoolean()).isTrue();
    assertThat(body.path("private").asBoolean()).isTrue();
    assertThat(body.path("body").asText())
        .startsWith("<p><b>Trace lookup for customer u:3f9a2c71")
        .contains("<pre>✅ order.validate\n❌ payment.process_charge\n")
        .contains("INC-4521")
        .endsWith("ref " + NoteFixtures.MARKER + "</i></p>");
  }

  @Test
  void add_secondPress_saysAlreadyNotedAndWritesNothing() throws Exception {
    notes.add(FRESHDESK_77, NoteFixtures.paymentFailure());

    NoteResult again = notes.add(FRESHDESK_77, NoteFixtures.paymentFailure());

    assertThat(again).isInstanceOf(NoteResult.AlreadyNoted.class);
    assertThat(conversations).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404, 409, 429})
  void add_refused_writesNothingAndSaysWhy(int status) throws Exception {
    freshdesk.route(
        request ->
            request.method().equals("GET")
                ? Reply.json("[]")
                : new Reply(
                    status,
                    "application/json",
                    "{\"code\":\"access_denied\",\"message\":\"You are not authorized to perform"
                        + " this action.\"}",
                    status == 429 ? Map.of("Retry-After", "12") : Map.of()));

    NoteResult result = notes.add(FRESHDESK_77, NoteFixtures.paymentFailure());

    TicketFailure failure = ((NoteResult.Failed) result).failure();
    assertThat(failure.message()).contains("Freshdesk");
    if (status == 429) {
      assertThat(failure.message()).contains("Try again in 12 s");
    }
    freshdesk.takeRequest(WAIT);
    freshdesk.takeRequest(WAIT);
    assertThat(freshdesk.pending()).isZero();
  }
}
