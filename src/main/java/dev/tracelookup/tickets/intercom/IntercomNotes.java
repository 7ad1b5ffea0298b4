package dev.tracelookup.tickets.intercom;

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
 * Adds an admin note to an Intercom conversation: {@code POST /conversations/{id}/reply} with
 * {@code {"message_type":"note","type":"admin","admin_id":…,"body":html}}. Notes are seen by the
 * workspace's teammates only. Before writing, the conversation's parts ({@code GET
 * /conversations/{id}}, up to 500 of them) are searched for the note's marker.
 */
public final class IntercomNotes implements NoteWriter {
  private final BackendHttp http;
  private final String adminId;

  /**
   * @param http reaches Intercom with the write credential
   * @param adminId the teammate the note is written as; Intercom requires one
   */
  public IntercomNotes(BackendHttp http, String adminId) {
    this.http = Objects.requireNonNull(http, "http");
    this.adminId = Objects.requireNonNull(adminId, "adminId");
  }

  @Override
  public NoteResult add(TicketLink link, TicketNote note) {
    if (link.system() != TicketSystem.INTERCOM) {
      throw new IllegalArgumentException("not an Intercom link: " + link.system());
    }
    String url = link.url();
    HttpResult<JsonNode> conversation =
        http.get("/conversations/" + link.key(), "application/json", NoteComments.tree());
    if (!(conversation instanceof HttpResult.Ok<JsonNode> read)) {
      return new NoteResult.Failed(
          WriteFailures.of(conversation, link, WriteFailures.Phase.READING));
    }
    JsonNode parts = read.value().path("conversation_parts").path("conversation_parts");
    if (NoteComments.withMarker(parts, note.marker()).isPresent()) {
      return new NoteResult.AlreadyNoted(link.reference(), url);
    }
    HttpResult<JsonNode> written =
        http.write(
            "POST", "/conversations/" + link.key() + "/reply", body(note), NoteComments.tree());
    return written instanceof HttpResult.Ok
        ? new NoteResult.Written(link.reference(), url)
        : new NoteResult.Failed(WriteFailures.of(written, link, WriteFailures.Phase.WRITING));
  }

  String body(TicketNote note) {
    ObjectNode root = NoteComments.json().createObjectNode();
    root.put("message_type", "note");
    root.put("type", "admin");
    root.put("admin_id", adminId);
    // Intercom's notes drop <pre>: the path keeps its indentation with non-breaking spaces.
    root.put("body", NoteHtml.of(note, false));
    return root.toString();
  }
}
