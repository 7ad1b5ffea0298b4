package dev.tracelookup.tickets.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.NoteComments;
import dev.tracelookup.tickets.NoteHtml;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.NoteWriter;
import dev.tracelookup.tickets.TicketNote;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.WriteFailures;
import dev.tracelookup.tickets.links.TicketLink;
import java.util.Objects;

/**
 * Adds a private comment to a Zendesk ticket: {@code PUT /api/v2/tickets/{id}.json} with {@code
 * {"ticket":{"comment":{"html_body":…,"public":false}}}} (Zendesk has no endpoint that creates a
 * comment alone; a ticket update carries it). Before writing, the newest comments ({@code GET
 * /api/v2/tickets/{id}/comments.json?sort_order=desc}) are searched for the note's marker.
 *
 * <p>Zendesk has no link to one comment, so the agent is pointed to the ticket.
 */
public final class ZendeskNotes implements NoteWriter {
  private final BackendHttp http;

  /**
   * @param http reaches Zendesk with the write credential (an agent's API token)
   */
  public ZendeskNotes(BackendHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  @Override
  public NoteResult add(TicketLink link, TicketNote note) {
    if (link.system() != TicketSystem.ZENDESK) {
      throw new IllegalArgumentException("not a Zendesk link: " + link.system());
    }
    String url = "https://" + link.host() + "/agent/tickets/" + link.key();
    HttpResult<JsonNode> comments =
        http.get(
            "/api/v2/tickets/" + link.key() + "/comments.json?sort_order=desc",
            "application/json",
            NoteComments.tree());
    if (!(comments instanceof HttpResult.Ok<JsonNode> read)) {
      return new NoteResult.Failed(WriteFailures.of(comments, link, WriteFailures.Phase.READING));
    }
    if (NoteComments.withMarker(read.value().path("comments"), note.marker()).isPresent()) {
      return new NoteResult.AlreadyNoted(link.reference(), url);
    }
    HttpResult<JsonNode> written =
        http.write(
            "PUT", "/api/v2/tickets/" + link.key() + ".json", body(note), NoteComments.tree());
    return written instanceof HttpResult.Ok
        ? new NoteResult.Written(link.reference(), url)
        : new NoteResult.Failed(WriteFailures.of(written, link, WriteFailures.Phase.WRITING));
  }

  /** Returns the update carrying the private comment, and nothing else of the ticket. */
  static String body(TicketNote note) {
    ObjectNode root = NoteComments.json().createObjectNode();
    ObjectNode comment = root.putObject("ticket").putObject("comment");
    comment.put("html_body", NoteHtml.of(note, true));
    comment.put("public", false);
    return root.toString();
  }
}
