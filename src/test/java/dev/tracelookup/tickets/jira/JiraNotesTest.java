package dev.tracelookup.tickets.jira;

import static dev.tracelookup.tickets.NoteFixtures.JIRA_SUP_123;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Jira that keeps the comments added to SUP-123: {@code GET …/comment} pages them as Jira does
 * ({@code startAt}, {@code maxResults}, {@code total}, {@code comments}), {@code POST …/comment}
 * answers 201 with the new comment.
 */
final class JiraNotesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private final List<JsonNode> stored = new CopyOnWriteArrayList<>();
  private FakeHttpServer jira;

  @AfterEach
  void stop() throws Exception {
    jira.close();
  }

  private JiraNotes notes(JiraDeployment deployment) throws Exception {
    String version = deployment == JiraDeployment.CLOUD ? "3" : "2";
    String comments = "/rest/api/" + version + "/issue/SUP-123/comment";
    jira =
        new FakeHttpServer(
            request -> {
              if (!request.path().equals(comments)) {
                return new Reply(
                    404,
                    "application/json",
                    "{\"errorMessages\":[\"Issue does not exist or you do not have permission to"
                        + " see it.\"],\"errors\":{}}",
                    Map.of());
              }
              if (request.method().equals("GET")) {
                return Reply.json(
                    "{\"startAt\":0,\"maxResults\":100,\"total\":"
                        + stored.size()
                        + ",\"comments\":"
                        + stored
                        + "}");
              }
              try {
                JsonNode body = JSON.readTree(request.body());
                String id = String.valueOf(10_100 + stored.size());
                JsonNode comment =
                    JSON.createObjectNode()
                        .put("self", "https://acme.atlassian.net" + comments + "/" + id)
                        .put("id", id)
                        .put("created", "2026-02-06T16:02:11.000+0100")
                        .put("jsdPublic", false)
                        .set("body", body.path("body"));
                stored.add(comment);
                return new Reply(201, "application/json", comment.toString(), Map.of());
              } catch (Exception unreadable) {
                return new Reply(400, "application/json", "{}", Map.of());
              }
            });
    return new JiraNotes(
        NoteFixtures.http(
            deployment == JiraDeployment.CLOUD
                ? TicketEndpoints.jiraCloud(jira.uri(), "writer@acme.com", "s3cr3t-write")
                : TicketEndpoints.jiraDataCenter(jira.uri(), "write-pat")),
        deployment);
  }

  @Test
  void add_cloud_postsAnInternalCommentInDocumentFormat() throws Exception {
    JiraNotes notes = notes(JiraDeployment.CLOUD);

    NoteResult result = notes.add(JIRA_SUP_123, NoteFixtures.paymentFailure());

    assertThat(result)
        .isEqualTo(
            new NoteResult.Written(
                "JSM SUP-123", "https://acme.atlassian.net/browse/SUP-123?focusedCommentId=10100"));
    RecordedRequest looked = jira.takeRequest(WAIT);
    assertThat(looked.method()).isEqualTo("GET");
    assertThat(looked.query()).isEqualTo("orderBy=-created&maxResults=100");
    RecordedRequest posted = jira.takeRequest(WAIT);
    assertThat(posted.method()).isEqualTo("POST");
    assertThat(posted.path()).isEqualTo("/rest/api/3/issue/SUP-123/comment");
    assertThat(posted.header("Authorization")).startsWith("Basic ");
    JsonNode body = JSON.readTree(posted.body());
    assertThat(body.path("properties"))
        .isEqualTo(
            JSON.readTree("[{\"key\":\"sd.public.comment\",\"value\":{\"internal\":true}}]"));
    JsonNode doc = body.path("body");
    assertThat(doc.path("type").asText()).isEqualTo("doc");
    assertThat(doc.path("version").asInt()).isEqualTo(1);
    assertThat(doc.path("content").get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Trace lookup"
                    + " for customer u:3f9a2c71 · 2026-02-06 14:00–14:30 UTC\","
                    + "\"marks\":[{\"type\":\"strong\"}]}]}"));
    assertThat(doc.path("content").get(2))
        .isEqualTo(
            JSON.readTree(
                "{\"type\":\"codeBlock\",\"content\":[{\"type\":\"text\",\"text\":\"✅"
                    + " order.validate\\n❌ payment.process_charge\\n   ❌ POST payment-svc/charge →"
                    + " 502 Bad Gateway\"}]}"));
    assertThat(doc.toString())
        .contains(
            "{\"type\":\"text\",\"text\":\"Matches known incident: INC-4521 \\\"Payment gateway"
                + " unreachable\\\"\",\"marks\":[{\"type\":\"link\",\"attrs\":{\"href\":"
                + "\"https://status.acme.com/incidents/4521\"}}]}")
        .contains(NoteFixtures.MARKER);
    // ADF refuses text nodes that are empty and marks on anything but text.
    assertThat(doc.findValues("text")).allSatisfy(text -> assertThat(text.asText()).isNotEmpty());
  }

  @Test
  void add_dataCenter_postsAnInternalCommentInEscapedWikiMarkup() throws Exception {
    JiraNotes notes = notes(JiraDeployment.DATA_CENTER);

    notes.add(JIRA_SUP_123, NoteFixtures.paymentFailure());

    jira.takeRequest(WAIT);
    RecordedRequest posted = jira.takeRequest(WAIT);
    assertThat(posted.path()).isEqualTo("/rest/api/2/issue/SUP-123/comment");
    assertThat(posted.header("Authorization")).isEqualTo("Bearer write-pat");
    JsonNode body = JSON.readTree(posted.body());
    assertThat(body.path("properties").get(0).path("value").path("internal").asBoolean()).isTrue();
    assertThat(body.path("body").asText())
        .startsWith("*Trace lookup for customer u:3f9a2c71 · 2026\\-02\\-06 14:00–14:30 UTC*")
        .contains(
            "{noformat}\n✅ order.validate\n❌ payment.process_charge\n"
                + "   ❌ POST payment-svc/charge → 502 Bad Gateway\n{noformat}")
        .contains(
            "[Matches known incident: INC\\-4521 \"Payment gateway"
                + " unreachable\"|https://status.acme.com/incidents/4521]")
        .endsWith("_Added by trace\\-lookup · internal note · ref tl\\-Zq3x9LmN0pQrStUvWxYz1a_");
  }

  @Test
  void add_issueAlreadyHoldingTheNote_linksToThatCommentAndWritesNothing() throws Exception {
    JiraNotes notes = notes(JiraDeployment.CLOUD);
    notes.add(JIRA_SUP_123, NoteFixtures.paymentFailure());

    NoteResult again = notes.add(JIRA_SUP_123, NoteFixtures.paymentFailure());

    assertThat(again)
        .isEqualTo(
            new NoteResult.AlreadyNoted(
                "JSM SUP-123", "https://acme.atlassian.net/browse/SUP-123?focusedCommentId=10100"));
    assertThat(stored).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403, 404, 409, 429})
  void add_refused_writesNothingAndSaysWhy(int status) throws Exception {
    JiraNotes notes = notes(JiraDeployment.CLOUD);
    jira.route(
        request ->
            request.method().equals("GET")
                ? Reply.json("{\"startAt\":0,\"maxResults\":100,\"total\":0,\"comments\":[]}")
                : new Reply(status, "application/json", "{\"errorMessages\":[\"no\"]}", Map.of()));

    NoteResult result = notes.add(JIRA_SUP_123, NoteFixtures.paymentFailure());

    assertThat(result).isInstanceOf(NoteResult.Failed.class);
    TicketFailure failure = ((NoteResult.Failed) result).failure();
    assertThat(failure.message()).contains("Jira").contains("not");
    assertThat(failure.system()).contains(dev.tracelookup.tickets.TicketSystem.JIRA);
    jira.takeRequest(WAIT);
    jira.takeRequest(WAIT);
    assertThat(jira.pending()).isZero();
  }
}
