package dev.tracelookup.tickets.intercom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Intercom REST API (version 2.11) shapes, as far as the bot reads them. */
final class IntercomWire {
  private IntercomWire() {}

  /** {@code GET /conversations/{id}}; {@code created_at} is Unix seconds. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Conversation(
      String id,
      String title,
      @JsonProperty("created_at") Instant createdAt,
      Source source,
      Contacts contacts,
      @JsonProperty("custom_attributes") Map<String, JsonNode> customAttributes) {
    Conversation {
      Objects.requireNonNull(createdAt, "created_at");
      contacts = contacts == null ? new Contacts(List.of()) : contacts;
    }

    /**
     * Returns the customer: the contact who wrote the first message, else the first contact (an
     * admin may have started the conversation, and group conversations list several contacts).
     */
    Optional<ContactRef> requester() {
      Optional<String> author =
          source == null || source.author() == null || "admin".equals(source.author().type())
              ? Optional.empty()
              : Optional.ofNullable(source.author().id());
      return author
          .flatMap(
              id -> contacts.contacts().stream().filter(ref -> id.equals(ref.id())).findFirst())
          .or(() -> contacts.contacts().stream().findFirst());
    }
  }

  /** The first message: {@code body} is plain text when asked with {@code display_as=plaintext}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Source(String subject, String body, Author author) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Author(String type, String id) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Contacts(List<ContactRef> contacts) {
    Contacts {
      contacts = contacts == null ? List.of() : contacts;
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ContactRef(String id, @JsonProperty("external_id") String externalId) {}

  /** {@code GET /contacts/{id}}. Intercom keeps no time zone for contacts. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Contact(
      String id,
      @JsonProperty("external_id") String externalId,
      @JsonProperty("custom_attributes") Map<String, JsonNode> customAttributes) {}
}
