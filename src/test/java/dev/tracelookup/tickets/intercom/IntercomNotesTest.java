package dev.tracelookup.tickets.intercom;

import static dev.tracelookup.tickets.NoteFixtures.INTERCOM_215469;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.tickets.NoteFixtures;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.TicketApiFixtures;
import dev.tracelookup.tickets.TicketEndpoints;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An Intercom whose conversation 215469 keeps its parts: {@code GET /conversations/215469} returns
 * them under {@code conversation_parts.conversation_parts}, {@code POST
 * /conversations/215469/reply} adds one and answers with the conversation.
 */
final class IntercomNotesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private ObjectNode conversation;
  private FakeHttpServer intercom;
  private IntercomNotes notes;

  @BeforeEach
  void start() throws Exception {
    conversation =
        (ObjectNode) JSON.readTree(TicketApiFixtures.fixture("intercom/conversation-215469.json"));
    intercom =
        new FakeHttpServer(
            request -> {
              if (request.method().equals("GET")
                  && request.path().equals("/conversations/215469")) {
                return Reply.json(conversation.toString());
              }
              if (request.method().equals("POST")
                  && request.path().equals("/conversations/215469/reply")) {
                try {
                  JsonNode body = JSON.readTree(request.body());
                  ObjectNode parts = conversation.with("conversation_parts");
                  ArrayNode list = parts.withArray("conversation_parts");
                  ObjectNode part = list.addObject();
                  part.put("type", "conversation_part");
                  part.put("id", "19800" + list.size());
                  part.put("part_type", body.path("message_type").asText());
                  part.put("body", body.path("body").asText());
                  part.putObject("author")
                      .put("type", "admin")
                      .put("id", body.path("admin_id").asText());
                  parts.put("total_count", list.size());
                  return Reply.json(conversation.toString());
                } catch (Exception unreadable) {
                  return new Reply(400, "application/json", "{}", Map.of());
                }
              }
              return new Reply(
                  404,
                  "application/json",
                  TicketApiFixtures.fixture("intercom/not-found.json"),
                  Map.of());
            });
    notes =
        new IntercomNotes(
            NoteFixtures.http(TicketEndpoints.intercom(intercom.uri(), "ic-write-token")),
            "4123456");
  }

  @AfterEach
  void stop() throws Exception {
    intercom.close();
  }

  @Test
  void add_conversationWithoutTheNote_repliesWithOneAdminNote() throws Exception {
    NoteResult result = notes.add(INTERCOM_215469, NoteFixtures.paymentFailure());

    assertThat(result)
        .isEqualTo(new NoteResult.Written("Intercom conversation 215469", INTERCOM_215469.url()));
    intercom.takeRequest(WAIT);
    RecordedRequest posted = intercom.takeRequest(WAIT);
    assertThat(posted.path()).isEqualTo("/conversations/215469/reply");
    assertThat(posted.header("Authorization")).isEqualTo("Bearer ic-write-token");
    assertThat(posted.header("Intercom-Version")).isEqualTo(TicketEndpoints.INTERCOM_VERSION);
    JsonNode body = JSON.readTree(posted.body());
    assertThat(body.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("message_type", "type", "admin_id", "body");
    assertThat(body.path("message_type").asText()).isEqualTo("note");
    assertThat(body.path("type").asText()).isEqualTo("admin");
    assertThat(body.path("admin_id").asText()).isEqualTo("4123456");
    assertThat(body.path("body").asText())
        .doesNotContain("<pre>")
        .contains("<p>✅ order.validate<br>❌ payment.process_charge<br>&nbsp;&nbsp;&nbsp;❌ POST")
        .contains(NoteFixtures.MARKER);
  }

  @Test
  void add_secondPress_findsTheNoteAmongThePartsAndWritesNothing() throws Exception {
    notes.add(INTERCOM_215469, NoteFixtures.paymentFailure());

    NoteResult again = notes.add(INTERCOM_215469, NoteFixtures.paymentFailure());

    assertThat(again).isInstanceOf(NoteResult.AlreadyNoted.class);
    assertThat(conversation.path("conversation_parts").path("conversation_parts").size())
        .isEqualTo(
            JSON.readTree(TicketApiFixtures.fixture("intercom/conversation-215469.json"))
                    .path("conversation_parts")
                    .path("conversation_parts")
                    .size()
                + 1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404, 409, 429})
  void add_refused_writesNothingAndSaysWhy(int status) throws Exception {
    intercom.route(
        request ->
            request.method().equals("GET")
                ? Reply.json(conversation.toString())
                : new Reply(
                    status,
                    "application/json",
                    "{\"type\":\"error.list\",\"errors\":[{\"code\":\"x\",\"message\":\"no\"}]}",
                    Map.of()));

    NoteResult result = notes.add(INTERCOM_215469, NoteFixtures.paymentFailure());

    assertThat(result).isInstanceOf(NoteResult.Failed.class);
    assertThat(result.message()).contains("Intercom");
    intercom.takeRequest(WAIT);
    intercom.takeRequest(WAIT);
    assertThat(intercom.pending()).isZero();
  }
}
