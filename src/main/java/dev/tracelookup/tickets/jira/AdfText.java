package dev.tracelookup.tickets.jira;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plain text of a Jira description: REST v2 sends a string, v3 sends an Atlassian Document
 * Format tree whose {@code text} nodes hold the words.
 */
final class AdfText {
  private AdfText() {}

  static String plain(JsonNode description) {
    if (description == null || description.isNull()) {
      return "";
    }
    if (description.isTextual()) {
      return description.asText();
    }
    StringBuilder text = new StringBuilder();
    collect(description, text);
    return text.toString().trim();
  }

  private static void collect(JsonNode node, StringBuilder text) {
    if (node.hasNonNull("text") && node.get("text").isTextual()) {
      text.append(node.get("text").asText());
    }
    JsonNode content = node.get("content");
    if (content != null && content.isArray()) {
      content.forEach(child -> collect(child, text));
    }
    String type = node.path("type").asText("");
    // Block nodes end a line, so a time at the end of one paragraph is not glued to the next.
    if (type.equals("paragraph")
        || type.equals("heading")
        || type.equals("listItem")
        || type.equals("hardBreak")) {
      text.append('\n');
    }
  }
}
