package dev.tracelookup.tickets.links;

import dev.tracelookup.tickets.TicketSystem;
import java.util.Objects;

/**
 * A ticket link as found in a message or command.
 *
 * @param host the instance the ticket lives in, lower case: {@code acme.zendesk.com}, {@code
 *     acme.atlassian.net}, a Jira Data Center host, {@code acme.freshdesk.com}, or the Intercom app
 *     host of the workspace's region. Configured aliases (host-mapped Zendesk, custom Freshdesk
 *     domains) are already replaced by the instance they stand for.
 * @param key the ticket number, Jira issue key or Intercom conversation ID
 * @param url the link as written, without Slack's markup
 */
public record TicketLink(TicketSystem system, String host, String key, String url) {
  public TicketLink {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(url, "url");
    if (key.isBlank() || host.isBlank()) {
      throw new IllegalArgumentException("host and key must not be blank");
    }
  }

  /**
   * Returns how agents refer to the ticket: {@code Zendesk #4512}, {@code Jira SUP-123}, {@code JSM
   * SUP-123} for Service Management links, {@code Freshdesk #77}, {@code Intercom conversation
   * 215}.
   */
  public String reference() {
    switch (system) {
      case ZENDESK:
      case FRESHDESK:
        return system.displayName() + " #" + key;
      case JIRA:
        return (url.contains("/servicedesk") || url.contains("/servicedeskapi/") ? "JSM " : "Jira ")
            + key;
      case INTERCOM:
        return "Intercom conversation " + key;
      default:
        throw new AssertionError(system);
    }
  }
}
