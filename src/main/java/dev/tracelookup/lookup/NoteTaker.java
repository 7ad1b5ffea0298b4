package dev.tracelookup.lookup;

import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.incidents.IncidentMatch;
import dev.tracelookup.incidents.IncidentText;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.render.NoteLines;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.TicketNote;
import dev.tracelookup.tickets.TicketNoteWriters;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Add note to ticket": writes a lookup's finding into the ticket it started from, as an internal
 * note. The lookup is run again from the button's value (from the cache, usually), so any replica
 * can serve the press.
 *
 * <p>The note is redacted as a copy shared in a channel is ({@link ChannelCopies}): the customer by
 * fingerprint, exception messages only where shared copies keep them, no UI link that holds the ID.
 * The ticket is about this customer, but it is read by everyone with access to the helpdesk, kept
 * for years, exported to reporting, and mailed out by triggers; it is a wider and longer-lived
 * audience than the agent's private card.
 */
public final class NoteTaker {
  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final TraceLookup lookup;
  private final IncidentCatalog incidents;
  private final ChannelCopies copies;
  private final TicketNoteWriters writers;

  public NoteTaker(
      TraceLookup lookup,
      IncidentCatalog incidents,
      ChannelCopies copies,
      TicketNoteWriters writers) {
    this.lookup = lookup;
    this.incidents = incidents;
    this.copies = copies;
    this.writers = writers;
  }

  /** The lookup the note was written from, for the audit, and how the note went. */
  public record Noted(LookupOutcome outcome, NoteResult result) {}

  /** Returns whether cards of lookups from this ticket offer "Add note to ticket". */
  public boolean writable(TicketLink link) {
    return writers.writable(link);
  }

  /**
   * Runs the lookup (from the cache when it is there) and adds its finding to the ticket, once.
   *
   * @param blastRadius how many other customers hit the same failure, when it was counted: one
   *     sentence of counts, never another customer's ID
   */
  public Noted note(LookupRequest request, TicketLink link, Optional<String> blastRadius) {
    LookupOutcome outcome = lookup.lookup(request, false);
    if (!(outcome instanceof LookupOutcome.Found found) || found.traces().isEmpty()) {
      String why =
          outcome instanceof LookupOutcome.Failed failed
              ? failed.failure().userMessage()
              : "The lookup found no traces this time, so there is no finding to note.";
      return new Noted(outcome, new NoteResult.Skipped(why + " Nothing was written."));
    }
    return new Noted(outcome, writers.add(link, note(found, link, blastRadius)));
  }

  /** Returns the note for the lookup's featured trace: the first that failed, else the first. */
  TicketNote note(LookupOutcome.Found found, TicketLink link, Optional<String> blastRadius) {
    ChannelCopies.Copy copy = copies.of(found.request());
    LookupOutcome.Found shown = (LookupOutcome.Found) copy.outcome(found);
    int featured = featured(found.traces());
    TraceCard original = found.traces().get(featured);
    TraceCard card = shown.traces().get(featured);
    NoteLines.Lines lines = NoteLines.of(card.analysis());
    // Matched on the original, whose exception messages the redacted copy may have dropped.
    Optional<IncidentMatch> incident =
        original.analysis().errorPath().isPresent()
            ? incidents.match(original.analysis()).matches().stream().findFirst()
            : Optional.empty();
    return new TicketNote(
        copy.text(heading(found.request(), copy)),
        copy.text(lines.verdict()),
        copy.texts(lines.path()),
        lines.rootCause().map(copy::text),
        new TicketNote.Link(copy.text(lines.heading()), card.uiUrl()),
        incident.map(
            match ->
                new TicketNote.Link(
                    copy.text(IncidentText.line(match, ZoneOffset.UTC)), match.incident().url())),
        blastRadius.map(copy::text),
        marker(link, found.request()));
  }

  private static int featured(List<TraceCard> traces) {
    for (int i = 0; i < traces.size(); i++) {
      if (traces.get(i).analysis().errorPath().isPresent()) {
        return i;
      }
    }
    return 0;
  }

  /** Returns {@code Trace lookup for customer u:3f9a… · 2026-02-06 14:00–14:30 UTC}. */
  private static String heading(LookupRequest request, ChannelCopies.Copy copy) {
    String filters = request.filtersDescription();
    return "Trace lookup for "
        + copy.label()
        + " · "
        + DAY_TIME.format(request.window().from())
        + "–"
        + TIME.format(request.window().to())
        + " UTC"
        + (filters.isEmpty() ? "" : " · " + filters);
  }

  /**
   * Returns the marker of this lookup's note in this ticket ({@code tl-} and 20 hex digits): the
   * same for the same ticket (whichever of its URLs was pasted) and the same search, on every
   * replica and run that shares the fingerprint key ({@code FINGERPRINT_KEY}, or the key derived
   * from the Slack secrets), and telling nothing about the customer without that key.
   */
  String marker(TicketLink link, LookupRequest request) {
    String lookup =
        List.of(
                "ticket note",
                link.system().name(),
                link.host(),
                link.key(),
                request.userId(),
                String.valueOf(request.window().from().getEpochSecond()),
                String.valueOf(request.window().to().getEpochSecond()),
                request.service().orElse(""),
                request.spanName().orElse(""),
                String.valueOf(request.errorsOnly()))
            .stream()
            .collect(Collectors.joining("\u0000"));
    return "tl-" + copies.fingerprint(lookup).substring(UserIdFingerprint.PREFIX.length());
  }
}
