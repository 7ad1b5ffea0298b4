package dev.tracelookup.tickets.jira;

import dev.tracelookup.tickets.TicketNote;

/**
 * The note in Jira wiki markup, which Jira Data Center's REST v2 renders in comment bodies. Text is
 * escaped so a span name with {@code *} or {@code [} cannot turn into markup; the error path goes
 * in a {@code noformat} block, where nothing is markup.
 */
final class NoteWiki {
  private static final String SPECIAL = "\\*_{}[]|+^~?#-!";

  private NoteWiki() {}

  static String of(TicketNote note) {
    StringBuilder wiki = new StringBuilder();
    wiki.append('*').append(escape(note.heading())).append("*\n\n");
    wiki.append(escape(note.verdict())).append("\n\n");
    if (!note.errorPath().isEmpty()) {
      String path = String.join("\n", note.errorPath()).replace("{noformat}", "{ noformat}");
      wiki.append("{noformat}\n").append(path).append("\n{noformat}\n\n");
    }
    note.rootCause().ifPresent(cause -> wiki.append(escape(cause)).append("\n\n"));
    wiki.append("Trace: ").append(link(note.trace())).append("\n\n");
    note.incident()
        .ifPresent(incident -> wiki.append("Incident: ").append(link(incident)).append("\n\n"));
    note.blastRadius().ifPresent(count -> wiki.append(escape(count)).append("\n\n"));
    wiki.append('_').append(escape(note.footer())).append('_');
    return wiki.toString();
  }

  private static String link(TicketNote.Link link) {
    return link.url()
        .map(
            url ->
                "[" + escape(link.text()) + "|" + url.replace("|", "%7C").replace("]", "%5D") + "]")
        .orElse(escape(link.text()));
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SPECIAL.indexOf(c) >= 0) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
