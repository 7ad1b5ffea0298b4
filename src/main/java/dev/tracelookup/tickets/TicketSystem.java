package dev.tracelookup.tickets;

/** A ticket system whose links the bot recognises and can resolve. */
public enum TicketSystem {
  ZENDESK("Zendesk"),
  JIRA("Jira"),
  FRESHDESK("Freshdesk"),
  INTERCOM("Intercom");

  private final String displayName;

  TicketSystem(String displayName) {
    this.displayName = displayName;
  }

  /** Returns the name agents know the system by, e.g. {@code Zendesk}. */
  public String displayName() {
    return displayName;
  }
}
