package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;

/**
 * Who asked, and from where: what the audit log records of every interaction.
 *
 * @param team the person's own team (or organisation), which in a Slack Connect channel is not the
 *     workspace the bot is installed in; the workspace when the payload names no other
 * @param channel the channel the request came from, or {@code ""} when the payload has none
 */
record Asker(String user, String team, String channel) {
  Asker {
    user = user == null ? "" : user;
    team = team == null ? "" : team;
    channel = channel == null ? "" : channel;
  }

  static Asker of(BlockActionPayload payload) {
    String channel =
        payload.getChannel() != null
            ? payload.getChannel().getId()
            : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    return new Asker(
        payload.getUser() == null ? null : payload.getUser().getId(),
        Origin.of(payload).team(),
        channel);
  }

  static Asker of(MessageShortcutPayload payload) {
    return new Asker(
        payload.getUser() == null ? null : payload.getUser().getId(),
        Origin.of(payload).team(),
        payload.getChannel() == null ? null : payload.getChannel().getId());
  }

  /** The person who submitted a form, in the channel the form answers into. */
  static Asker of(ViewSubmissionPayload payload, String channel) {
    return new Asker(
        payload.getUser() == null ? null : payload.getUser().getId(),
        Origin.of(payload).team(),
        channel);
  }
}
