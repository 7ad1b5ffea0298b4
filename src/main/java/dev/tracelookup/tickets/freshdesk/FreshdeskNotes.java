package dev.tracelookup.tickets.freshdesk;

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
 * Adds a private note to a Freshdesk ticket: {@code POST /api/v2/tickets/{id}/notes} with {@code
 * {"body": html, "private": true}}. Before writing, the ticket's conversations ({@code GET
 * /api/v2/tickets/{id}/conversations?per_page=100}) are searched for the note's marker; Freshdesk
 * lists them oldest first, so on a ticket with more than 100 the record of written notes is what
 * catches a second press.
 */
public final class FreshdeskNotes implements NoteWriter {
  private final BackendHttp http;

  /**
   * @param http reaches Freshdesk with the write credential (an agent's API key)
   */
  public FreshdeskNotes(BackendHttp http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  @Override
  public NoteResult add(TicketLink link, TicketNote note) {
    if (link.system() != TicketSystem.FRESHDESK) {
      throw new IllegalArgumentException("not a Freshdesk link: " + link.system());
    }
    String url = "https://" + link.host() + "/a/tickets/" + link.key();
    HttpResult<JsonNode> conversations =
        http.get(
            "/api/v2/tickets/" + link.key() + "/conversations?per_page=100",
            "application/json",
            NoteComments.tree());
    if (!(conversations instanceof HttpResult.Ok<JsonNode> read)) {
      return new NoteResult.Failed(
          WriteFailures.of(conversations, link, WriteFailures.Phase.READING));
    }
    if (NoteComments.withMarker(read.value(), note.marker()).isPresent()) {
      return new NoteResult.AlreadyNoted(link.reference(), url);
    }
    HttpResult<JsonNode> written =
        http.write(
            "POST", "/api/v2/tickets/" + link.key() + "/notes", body(note), NoteComments.tree());
    return written instanceof HttpResult.Ok
        ? new NoteResult.Written(link.reference(), url)
        : new NoteResult.Failed(WriteFailures.of(written, link, WriteFailures.Phase.WRITING));
  }

  static String body(TicketNote note) {
    ObjectNode root = NoteComments.json().createObjectNode();
    root.put("body", NoteHtml.of(note, true));
    root.put("private", true);
    return root.toString();
  }
}
