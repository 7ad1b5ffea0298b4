package dev.tracelookup.tickets;

import java.util.Optional;

/**
 * The note as HTML, for the systems whose notes take it (Zendesk {@code html_body}, Freshdesk,
 * Intercom). Only elements all three render: paragraphs, bold, links, line breaks and {@code pre}
 * for the error path, whose indentation carries the tree.
 */
public final class NoteHtml {
  private NoteHtml() {}

  /**
   * Returns the note; {@code pre} is left out for Intercom, which drops it, and the path is then
   * drawn with non-breaking spaces.
   */
  public static String of(TicketNote note, boolean preformatted) {
    StringBuilder html = new StringBuilder();
    html.append("<p><b>").append(NoteText.html(note.heading())).append("</b></p>");
    html.append("<p>").append(NoteText.html(note.verdict())).append("</p>");
    if (!note.errorPath().isEmpty()) {
      html.append(preformatted ? path(note) : indented(note));
    }
    note.rootCause()
        .ifPresent(cause -> html.append("<p>").append(NoteText.html(cause)).append("</p>"));
    html.append("<p>Trace: ").append(link(note.trace())).append("</p>");
    note.incident()
        .ifPresent(incident -> html.append("<p>Incident: ").append(link(incident)).append("</p>"));
    note.blastRadius()
        .ifPresent(count -> html.append("<p>").append(NoteText.html(count)).append("</p>"));
    html.append("<p><i>").append(NoteText.html(note.footer())).append("</i></p>");
    return html.toString();
  }

  private static String path(TicketNote note) {
    return "<pre>" + NoteText.html(String.join("\n", note.errorPath())) + "</pre>";
  }

  private static String indented(TicketNote note) {
    StringBuilder html = new StringBuilder("<p>");
    for (int i = 0; i < note.errorPath().size(); i++) {
      String line = note.errorPath().get(i);
      int indent = line.length() - line.stripLeading().length();
      html.append(i == 0 ? "" : "<br>")
          .append("&nbsp;".repeat(indent))
          .append(NoteText.html(line.stripLeading()));
    }
    return html.append("</p>").toString();
  }

  private static String link(TicketNote.Link link) {
    Optional<String> url = link.url();
    String text = NoteText.html(link.text());
    return url.map(u -> "<a href=\"" + NoteText.html(u) + "\">" + text + "</a>").orElse(text);
  }
}
