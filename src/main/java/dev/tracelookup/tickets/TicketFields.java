package dev.tracelookup.tickets;

import java.util.Objects;
import java.util.Optional;

/**
 * Which custom fields hold what the bot needs, in the ticket system's own naming.
 *
 * @param userIdField where the requester's product user ID is kept, when not in the system's
 *     external ID: a Zendesk user field key, a Jira issue field ({@code customfield_10042}), a
 *     Freshdesk contact field name, an Intercom contact attribute
 * @param statedTimeField where the time of the issue is kept: a Zendesk ticket field ID, a Jira
 *     issue field, a Freshdesk ticket field ({@code cf_time_of_issue}), an Intercom conversation
 *     attribute
 */
public record TicketFields(Optional<String> userIdField, Optional<String> statedTimeField) {
  public TicketFields {
    Objects.requireNonNull(userIdField, "userIdField");
    Objects.requireNonNull(statedTimeField, "statedTimeField");
    if (userIdField.filter(String::isBlank).isPresent()
        || statedTimeField.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("field names must not be blank");
    }
  }

  /** Returns no custom fields: user IDs from the system's external ID, times from the text only. */
  public static TicketFields none() {
    return new TicketFields(Optional.empty(), Optional.empty());
  }
}
