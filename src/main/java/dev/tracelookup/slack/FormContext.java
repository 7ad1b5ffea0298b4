package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.json.JsonMappers;
import java.io.IOException;
import java.util.Optional;

/**
 * Where the answer to a "Find traces" form goes, carried through the modal's {@code
 * private_metadata} (the submission has no channel of its own).
 *
 * @param threadTs the thread the message was in, or empty when it was not in one
 * @param responseUrl the shortcut's or command's {@code response_url}, for answers outside threads
 * @param ticket the ticket reference, for the reply ("Zendesk #4512"), or empty
 * @param ticketUrl the ticket's link, so the card can offer "Add note to ticket", or empty
 */
record FormContext(
    String channelId,
    Optional<String> threadTs,
    String responseUrl,
    String ticket,
    Optional<String> ticketUrl) {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;

  FormContext {
    threadTs = threadTs == null ? Optional.empty() : threadTs;
    ticket = ticket == null ? "" : ticket;
    ticketUrl = ticketUrl == null ? Optional.empty() : ticketUrl;
  }

  FormContext(String channelId, Optional<String> threadTs, String responseUrl, String ticket) {
    this(channelId, threadTs, responseUrl, ticket, Optional.empty());
  }

  String encode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("c", channelId);
    threadTs.ifPresent(ts -> node.put("t", ts));
    node.put("r", responseUrl);
    node.put("k", ticket);
    ticketUrl.ifPresent(url -> node.put("u", url));
    return node.toString();
  }

  static Optional<FormContext> decode(String metadata) {
    try {
      JsonNode node = metadata == null || metadata.isEmpty() ? null : JSON.readTree(metadata);
      if (node == null || !node.path("c").isTextual() || !node.path("r").isTextual()) {
        return Optional.empty();
      }
      return Optional.of(
          new FormContext(
              node.path("c").asText(),
              Optional.ofNullable(node.get("t")).map(JsonNode::asText),
              node.path("r").asText(),
              node.path("k").asText(""),
              Optional.ofNullable(node.get("u"))
                  .filter(JsonNode::isTextual)
                  .map(JsonNode::asText)));
    } catch (IOException tampered) {
      return Optional.empty();
    }
  }
}
