package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import dev.tracelookup.render.Messages;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.util.Optional;

/**
 * A press of a card button: the payload, where its answer goes and the value it carries, read the
 * same way for every button whose value the bot signed.
 */
record ButtonPress(BlockActionPayload payload, String responseUrl, String value) {
  /**
   * Returns the press, or empty when the payload has no response URL or no action: there is nowhere
   * to answer, and the handler only acks.
   */
  static Optional<ButtonPress> of(BlockActionPayload payload) {
    String responseUrl = payload.getResponseUrl();
    if (responseUrl == null || payload.getActions() == null || payload.getActions().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new ButtonPress(payload, responseUrl, payload.getActions().get(0).getValue()));
  }

  /**
   * Tells the presser, privately, that the value no longer reads as {@code carried} (edited, or
   * signed with another key), and what to do instead.
   */
  void unreadable(SlackReplies replies, String carried, String remedy) {
    replies.respond(
        responseUrl,
        Messages.failure("That button no longer carries " + carried + " I can read. " + remedy),
        Visibility.EPHEMERAL);
  }
}
