package dev.tracelookup.tickets.freshdesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Freshdesk API v2 shapes, as far as the bot reads them. */
final class FreshdeskWire {
  private FreshdeskWire() {}

  /** {@code GET /api/v2/tickets/{id}}; ticket custom fields are keyed {@code cf_*}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ticket(
      long id,
      String subject,
      @JsonProperty("description_text") String descriptionText,
      @JsonProperty("requester_id") Long requesterId,
      @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("custom_fields") Map<String, JsonNode> customFields) {
    Ticket {
      Objects.requireNonNull(createdAt, "created_at");
    }
  }

  /**
   * {@code GET /api/v2/contacts/{id}}. {@code time_zone} is a Rails name ("Chennai"); contact
   * custom fields are keyed by their name, without the {@code cf_} prefix.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Contact(
      long id,
      @JsonProperty("unique_external_id") String uniqueExternalId,
      @JsonProperty("time_zone") String timeZone,
      @JsonProperty("custom_fields") Map<String, JsonNode> customFields) {}
}
