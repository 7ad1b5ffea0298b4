package dev.tracelookup.tickets;

import dev.tracelookup.tickets.links.TicketLink;
import java.time.ZoneId;

/**
 * Turns a ticket link into what a trace lookup needs, through the ticket system's API.
 * Implementations never throw for expected trouble (missing ticket, no permission, outage, rate
 * limit); they answer {@link ResolveResult.Failed}.
 */
public interface TicketResolver {

  /**
   * Resolves the ticket.
   *
   * @param fallbackZone the zone to read times written in the ticket in when the requester has no
   *     zone on record; usually the agent's own
   */
  ResolveResult resolve(TicketLink link, ZoneId fallbackZone);
}
