package dev.tracelookup.lookup;

import dev.tracelookup.tickets.links.TicketLink;
import java.util.Optional;

/**
 * Who will read an answer, which decides what it may show: the agent alone sees the customer's ID
 * and gets Share and Refresh buttons; a copy shared in a channel names the customer only by a
 * fingerprint and says who shared it; a terminal gets no buttons.
 *
 * @param buttons whether the answer offers Share and Refresh
 * @param inThread the answer lives in a thread, so Share posts to that thread
 * @param sharedBy the Slack user who shared the copy
 * @param ticket the ticket the lookup started from (the Find traces shortcut, a ticket link in the
 *     command): the agent's answer then offers "Add note to ticket" where the bot may write there
 */
public record Audience(
    boolean buttons, boolean inThread, Optional<String> sharedBy, Optional<TicketLink> ticket) {
  public Audience {
    sharedBy = sharedBy == null ? Optional.empty() : sharedBy;
    ticket = ticket == null ? Optional.empty() : ticket;
  }

  public Audience(boolean buttons, boolean inThread, Optional<String> sharedBy) {
    this(buttons, inThread, sharedBy, Optional.empty());
  }

  /** Returns this audience working the ticket; a copy for a channel never carries one. */
  public Audience forTicket(Optional<TicketLink> link) {
    return new Audience(buttons, inThread, sharedBy, shared() ? Optional.empty() : link);
  }

  public static Audience terminal() {
    return new Audience(false, false, Optional.empty());
  }

  public static Audience agent(boolean inThread) {
    return new Audience(true, inThread, Optional.empty());
  }

  public static Audience channel(String sharedBySlackUser) {
    return new Audience(false, false, Optional.of(sharedBySlackUser));
  }

  public boolean shared() {
    return sharedBy.isPresent();
  }
}
