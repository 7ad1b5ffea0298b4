package dev.tracelookup.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Zendesk that keeps the comments written to its tickets and answers in Zendesk's shapes: {@code
 * GET /api/v2/tickets/{id}/comments.json} lists them (newest first when asked), {@code PUT
 * /api/v2/tickets/{id}.json} with a comment adds one and answers with the ticket and its audit.
 * Other paths answer from {@code others}, e.g. the ticket itself for the resolver.
 */
public final class FakeZendeskNotes implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FakeHttpServer server;
  private final List<ObjectNode> comments = new ArrayList<>();
  private final java.util.function.Function<RecordedRequest, Reply> others;
  private volatile Reply failWrites;
  private volatile CountDownLatch holdWrites = new CountDownLatch(0);
  private int writes;

  public FakeZendeskNotes(java.util.function.Function<RecordedRequest, Reply> others)
      throws Exception {
    this.others = others;
    this.server = new FakeHttpServer(this::answer);
  }

  public FakeZendeskNotes() throws Exception {
    this(
        request ->
            new Reply(
                404,
                "application/json",
                "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}",
                Map.of()));
  }

  public URI uri() {
    return server.uri();
  }

  public FakeHttpServer server() {
    return server;
  }

  /** Every write is answered with this reply from now on, and changes nothing. */
  public void failWrites(Reply reply) {
    this.failWrites = reply;
  }

  /** Writes wait until the latch opens; the request is recorded first, so a test sees it arrive. */
  public void holdWrites(CountDownLatch latch) {
    this.holdWrites = latch;
  }

  /** Returns how many comments writes added. */
  public synchronized int writes() {
    return writes;
  }

  /** Returns the comments, oldest first. */
  public synchronized List<ObjectNode> comments() {
    return List.copyOf(comments);
  }

  private Reply answer(RecordedRequest request) {
    String path = request.path();
    if (path.matches("/api/v2/tickets/\\d+/comments\\.json") && request.method().equals("GET")) {
      return list(request);
    }
    if (path.matches("/api/v2/tickets/\\d+\\.json") && request.method().equals("PUT")) {
      try {
        holdWrites.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      Reply failure = failWrites;
      return failure != null ? failure : write(request);
    }
    return others.apply(request);
  }

  private synchronized Reply list(RecordedRequest request) {
    ArrayNode list = JSON.createArrayNode();
    boolean newestFirst = request.query() != null && request.query().contains("sort_order=desc");
    List<ObjectNode> ordered = new ArrayList<>(comments);
    if (newestFirst) {
      java.util.Collections.reverse(ordered);
    }
    ordered.forEach(list::add);
    ObjectNode answer = JSON.createObjectNode();
    answer.set("comments", list);
    answer.putNull("next_page");
    answer.putNull("previous_page");
    answer.put("count", list.size());
    return Reply.json(answer.toString());
  }

  private synchronized Reply write(RecordedRequest request) {
    JsonNode body;
    try {
      body = JSON.readTree(request.body());
    } catch (Exception unreadable) {
      return new Reply(400, "application/json", "{\"error\":\"Unprocessable\"}", Map.of());
    }
    JsonNode comment = body.path("ticket").path("comment");
    long id = 9_000_000L + comments.size();
    ObjectNode stored = JSON.createObjectNode();
    stored.put("id", id);
    stored.put("type", "Comment");
    stored.put("author_id", 76872);
    String html = comment.path("html_body").asText(comment.path("body").asText(""));
    stored.put("body", html.replaceAll("<[^>]+>", " "));
    stored.put("html_body", "<div class=\"zd-comment\" dir=\"auto\">" + html + "</div>");
    stored.put("plain_body", html.replaceAll("<[^>]+>", " "));
    stored.put("public", comment.path("public").asBoolean(true));
    stored.putArray("attachments");
    stored.put("audit_id", id + 1);
    stored.put("created_at", "2026-02-06T15:02:11Z");
    comments.add(stored);
    writes++;
    ObjectNode answer = JSON.createObjectNode();
    String ticketId =
        request.path().substring("/api/v2/tickets/".length(), request.path().length() - 5);
    answer.putObject("ticket").put("id", Long.parseLong(ticketId)).put("status", "open");
    ObjectNode audit = answer.putObject("audit");
    audit.put("id", id + 1);
    audit.put("ticket_id", Long.parseLong(ticketId));
    audit.putArray("events").add(stored);
    return Reply.json(answer.toString());
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
