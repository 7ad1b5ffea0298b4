package dev.tracelookup.tickets.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Zendesk Support API shapes, as far as the bot reads them. */
final class ZendeskWire {
  private ZendeskWire() {}

  /** {@code GET /api/v2/tickets/{id}.json?include=users}: the ticket and its side-loaded users. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record TicketAnswer(Ticket ticket, List<User> users) {
    TicketAnswer {
      if (ticket == null) {
        throw new IllegalStateException("no ticket in the answer");
      }
      users = users == null ? List.of() : users;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ticket(
      long id,
      String subject,
      String description,
      @JsonProperty("requester_id") Long requesterId,
      @JsonProperty("submitter_id") Long submitterId,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("custom_fields") List<CustomField> customFields) {
    Ticket {
      Objects.requireNonNull(createdAt, "created_at");
      customFields = customFields == null ? List.of() : customFields;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record CustomField(long id, JsonNode value) {}

  /** {@code GET /api/v2/users/{id}.json}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record UserAnswer(User user) {
    UserAnswer {
      if (user == null) {
        throw new IllegalStateException("no user in the answer");
      }
    }
  }

  /**
   * A Zendesk user. {@code time_zone} is a Rails name ("Eastern Time (US &amp; Canada)"); {@code
   * iana_time_zone} is the same zone as an IANA ID.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record User(
      long id,
      @JsonProperty("external_id") String externalId,
      @JsonProperty("time_zone") String timeZone,
      @JsonProperty("iana_time_zone") String ianaTimeZone,
      @JsonProperty("user_fields") Map<String, JsonNode> userFields) {}
}
