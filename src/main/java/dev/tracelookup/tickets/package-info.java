/**
 * From a ticket link to what a trace lookup needs: the resolution every ticket system answers with
 * (the requester's product user ID, time zone and a suggested time window), and what the systems
 * share: stated times in ticket text, requester zones, failures an agent can read. Link detection
 * is in {@code links}; each system has its own package. The write-back goes the other way: the
 * internal note a lookup adds to its ticket ({@link dev.tracelookup.tickets.TicketNote}), in each
 * system's markup, written at most once ({@link dev.tracelookup.tickets.TicketNoteWriters}).
 */
package dev.tracelookup.tickets;
