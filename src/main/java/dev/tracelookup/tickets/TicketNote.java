package dev.tracelookup.tickets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the bot writes into a ticket as an internal note, in no system's markup yet: each system's
 * writer draws it in its own (HTML, Atlassian Document Format, Jira wiki markup). Every text is
 * already redacted as for a channel: the customer is named by fingerprint only.
 *
 * @param heading one line: whose lookup, which window ({@code Trace lookup for customer u:3f9a… ·
 *     14:00–14:30 UTC})
 * @param verdict what the customer saw ({@code ❌ Failed: POST /api/v1/orders answered 500 …})
 * @param errorPath the error path, one line per step, indented with spaces; empty when nothing
 *     failed
 * @param rootCause the culprit in one line, when something failed
 * @param trace the trace, with the link to open it in the backend's UI when there is one
 * @param incident the known incident matching the failure, with its link
 * @param blastRadius how many other customers hit the same failure, when it was counted ({@code
 *     Same failure for 37 requests from 19 other customers …}); counts only
 * @param marker a fingerprint of this ticket and lookup, written into the note so that a second
 *     press, on any replica, finds the note instead of writing it again
 */
public record TicketNote(
    String heading,
    String verdict,
    List<String> errorPath,
    Optional<String> rootCause,
    Link trace,
    Optional<Link> incident,
    Optional<String> blastRadius,
    String marker) {
  /** What a marker may hold: it is written into every markup unescaped and searched for as is. */
  private static final Pattern MARKER = Pattern.compile("tl-[A-Za-z0-9_-]{8,64}");

  /** A text and, when there is one, where it links to. */
  public record Link(String text, Optional<String> url) {
    public Link {
      Objects.requireNonNull(text, "text");
      url = url == null ? Optional.empty() : url.filter(NoteText::safeUrl);
    }
  }

  public TicketNote {
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(verdict, "verdict");
    errorPath = List.copyOf(errorPath);
    rootCause = rootCause == null ? Optional.empty() : rootCause;
    Objects.requireNonNull(trace, "trace");
    incident = incident == null ? Optional.empty() : incident;
    blastRadius = blastRadius == null ? Optional.empty() : blastRadius;
    if (!MARKER.matcher(marker).matches()) {
      throw new IllegalArgumentException("not a note marker: " + marker);
    }
  }

  /** Returns the footer every markup ends with, carrying the marker. */
  public String footer() {
    return "Added by trace-lookup · internal note · ref " + marker;
  }
}
