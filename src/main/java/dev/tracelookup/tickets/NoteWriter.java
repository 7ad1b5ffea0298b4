package dev.tracelookup.tickets;

import dev.tracelookup.tickets.links.TicketLink;

/**
 * Adds an internal note to a ticket, never visible to the customer, at most once per marker: a
 * writer first looks for a note carrying the marker among the ticket's comments, and writes only
 * when none does. Implementations never throw for expected trouble; they answer {@link
 * NoteResult.Failed}.
 */
public interface NoteWriter {
  NoteResult add(TicketLink link, TicketNote note);
}
