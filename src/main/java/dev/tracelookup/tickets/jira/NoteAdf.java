package dev.tracelookup.tickets.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.tickets.NoteComments;
import dev.tracelookup.tickets.TicketNote;

/**
 * The note in Atlassian Document Format, which Jira Cloud's REST v3 requires for comment bodies:
 * paragraphs, bold and italic marks, link marks, and a code block for the error path, whose
 * indentation carries the tree.
 */
final class NoteAdf {
  private NoteAdf() {}

  static ObjectNode of(TicketNote note) {
    ObjectNode doc = NoteComments.json().createObjectNode();
    doc.put("type", "doc");
    doc.put("version", 1);
    ArrayNode content = doc.putArray("content");
    text(paragraph(content), note.heading(), "strong");
    text(paragraph(content), note.verdict(), null);
    if (!note.errorPath().isEmpty()) {
      ObjectNode code = content.addObject();
      code.put("type", "codeBlock");
      text(code.putArray("content"), String.join("\n", note.errorPath()), null);
    }
    note.rootCause().ifPresent(cause -> text(paragraph(content), cause, null));
    link(paragraph(content), "Trace: ", note.trace());
    note.incident().ifPresent(incident -> link(paragraph(content), "Incident: ", incident));
    note.blastRadius().ifPresent(count -> text(paragraph(content), count, null));
    text(paragraph(content), note.footer(), "em");
    return doc;
  }

  private static ArrayNode paragraph(ArrayNode content) {
    ObjectNode paragraph = content.addObject();
    paragraph.put("type", "paragraph");
    return paragraph.putArray("content");
  }

  private static ObjectNode text(ArrayNode content, String text, String mark) {
    ObjectNode node = content.addObject();
    node.put("type", "text");
    // ADF refuses empty text nodes.
    node.put("text", text.isEmpty() ? " " : text);
    if (mark != null) {
      node.putArray("marks").addObject().put("type", mark);
    }
    return node;
  }

  private static void link(ArrayNode content, String label, TicketNote.Link link) {
    text(content, label, null);
    ObjectNode target = text(content, link.text(), null);
    link.url()
        .ifPresent(
            url -> {
              ObjectNode mark = target.putArray("marks").addObject();
              mark.put("type", "link");
              mark.putObject("attrs").put("href", url);
            });
  }
}
