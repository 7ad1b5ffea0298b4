package dev.tracelookup.tickets.jira;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tracelookup.tickets.TicketJson;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * A Jira issue as the bot reads it from {@code GET /rest/api/{2|3}/issue/{key}}. Custom fields are
 * named by the admin, so {@code fields} stays a tree.
 */
record JiraIssue(
    Instant created,
    String summary,
    String description,
    Optional<Reporter> reporter,
    JsonNode fields) {

  /** The wire answer: the key and the requested fields. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Answer(String key, JsonNode fields) {}

  /**
   * The person the request is from (in Service Management, the customer even when an agent raised
   * it for them). Cloud may hide {@code emailAddress} under the user's privacy settings.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Reporter(String accountId, String name, String displayName, String timeZone) {}

  /** Returns the issue, or refuses an answer without a creation time as malformed. */
  static JiraIssue of(Answer answer) throws IOException {
    JsonNode fields = answer.fields();
    if (fields == null || !fields.hasNonNull("created")) {
      throw new IOException("issue without fields.created");
    }
    JsonNode reporter = fields.get("reporter");
    Optional<Reporter> person =
        reporter == null || reporter.isNull()
            ? Optional.empty()
            : Optional.of(TicketJson.convert(reporter, Reporter.class));
    return new JiraIssue(
        TicketJson.convert(fields.get("created"), Instant.class),
        fields.path("summary").asText(""),
        AdfText.plain(fields.get("description")),
        person,
        fields);
  }

  Optional<JsonNode> field(String name) {
    JsonNode value = fields.get(name);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }
}
