package dev.tracelookup.tickets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracelookup.http.BodyReader;
import java.util.Optional;

/**
 * Reads a ticket's comments as a tree and finds the one carrying a note's marker: the same search
 * for every system, since the marker is plain text in whatever markup the note was written in, and
 * every system returns it in the comment's body.
 */
public final class NoteComments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private NoteComments() {}

  /** Returns a reader of any JSON answer as a tree; an empty answer reads as an empty object. */
  public static BodyReader<JsonNode> tree() {
    return body -> {
      JsonNode tree = MAPPER.readTree(body);
      return tree == null || tree.isMissingNode() ? MAPPER.createObjectNode() : tree;
    };
  }

  /** Returns the first comment of the array whose text holds the marker. */
  public static Optional<JsonNode> withMarker(JsonNode comments, String marker) {
    if (comments == null || !comments.isArray()) {
      return Optional.empty();
    }
    for (JsonNode comment : comments) {
      if (comment.toString().contains(marker)) {
        return Optional.of(comment);
      }
    }
    return Optional.empty();
  }

  /** Returns the comment's {@code id}, as text, when it has one. */
  public static Optional<String> id(JsonNode comment) {
    JsonNode id = comment.path("id");
    return id.isTextual() || id.isIntegralNumber() ? Optional.of(id.asText()) : Optional.empty();
  }

  /** Returns a JSON tree builder for request bodies. */
  public static ObjectMapper json() {
    return MAPPER;
  }
}
