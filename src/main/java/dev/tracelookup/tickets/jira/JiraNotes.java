package dev.tracelookup.tickets.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.NoteComments;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.NoteWriter;
import dev.tracelookup.tickets.TicketNote;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.WriteFailures;
import dev.tracelookup.tickets.links.TicketLink;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds an internal comment to a Jira or Jira Service Management issue: {@code POST
 * /rest/api/{3|2}/issue/{key}/comment} with the {@code sd.public.comment} property set to {@code
 * {"internal":true}}.
 *
 * <p>The platform API rather than the customer-request API ({@code POST
 * /rest/servicedeskapi/request/{key}/comment} with {@code "public":false}): it takes the body in
 * Atlassian Document Format on Cloud, and it works on plain Jira issues too, where the property is
 * stored and ignored. The property is always set: a JSM request linked by its {@code /browse/} URL
 * looks like plain Jira, and a comment without it would be a public reply, emailed to the customer.
 * Before writing, the newest 100 comments are searched for the note's marker.
 */
public final class JiraNotes implements NoteWriter {
  private final BackendHttp http;
  private final JiraDeployment deployment;

  /**
   * @param http reaches Jira with the write credential
   */
  public JiraNotes(BackendHttp http, JiraDeployment deployment) {
    this.http = Objects.requireNonNull(http, "http");
    this.deployment = Objects.requireNonNull(deployment, "deployment");
  }

  @Override
  public NoteResult add(TicketLink link, TicketNote note) {
    if (link.system() != TicketSystem.JIRA) {
      throw new IllegalArgumentException("not a Jira link: " + link.system());
    }
    String comments = deployment.issuePath(link.key()) + "/comment";
    HttpResult<JsonNode> read =
        http.get(
            comments + "?orderBy=-created&maxResults=100", "application/json", NoteComments.tree());
    if (!(read instanceof HttpResult.Ok<JsonNode> ok)) {
      return new NoteResult.Failed(WriteFailures.of(read, link, WriteFailures.Phase.READING));
    }
    Optional<JsonNode> found = NoteComments.withMarker(ok.value().path("comments"), note.marker());
    if (found.isPresent()) {
      return new NoteResult.AlreadyNoted(link.reference(), url(link, NoteComments.id(found.get())));
    }
    HttpResult<JsonNode> written = http.write("POST", comments, body(note), NoteComments.tree());
    if (written instanceof HttpResult.Ok<JsonNode> landed) {
      return new NoteResult.Written(link.reference(), url(link, NoteComments.id(landed.value())));
    }
    return new NoteResult.Failed(WriteFailures.of(written, link, WriteFailures.Phase.WRITING));
  }

  String body(TicketNote note) {
    ObjectNode root = NoteComments.json().createObjectNode();
    if (deployment.documentFormat()) {
      root.set("body", NoteAdf.of(note));
    } else {
      root.put("body", NoteWiki.of(note));
    }
    ObjectNode property = root.putArray("properties").addObject();
    property.put("key", "sd.public.comment");
    property.putObject("value").put("internal", true);
    return root.toString();
  }

  /** Returns the link that opens the issue scrolled to the comment. */
  private static String url(TicketLink link, Optional<String> commentId) {
    String issue = "https://" + link.host() + "/browse/" + link.key();
    return commentId.map(id -> issue + "?focusedCommentId=" + id).orElse(issue);
  }
}
