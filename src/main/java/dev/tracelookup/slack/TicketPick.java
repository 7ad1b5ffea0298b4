package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracelookup.json.JsonMappers;
import java.io.IOException;
import java.util.Optional;

/** A ticket offered by the picker: its link and where the answer goes, as one button value. */
record TicketPick(String url, FormContext context) {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;

  String encode() {
    ObjectNode node = JSON.createObjectNode();
    node.put("u", url);
    node.put("f", context.encode());
    return node.toString();
  }

  static Optional<TicketPick> decode(String value) {
    try {
      JsonNode node = value == null ? null : JSON.readTree(value);
      if (node == null || !node.path("u").isTextual()) {
        return Optional.empty();
      }
      return FormContext.decode(node.path("f").asText())
          .map(context -> new TicketPick(node.path("u").asText(), context));
    } catch (IOException tampered) {
      return Optional.empty();
    }
  }
}
