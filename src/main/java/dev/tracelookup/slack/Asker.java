package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;

/**
 * Who asked, and from where: what the audit log records of every interaction.
 *
 * @param channel the channel the request came from, or {@code ""} when the payload has none
 */
record Asker(String user, String team, String channel) {
  Asker {
    user = user == null ? "" : user;
    team = team == null ? "" : team;
    channel = channel == null ? "" : channel;
  }

  static Asker of(BlockActionPayload payload) {
    String channel = payload.getChannel() != null ? payload.getChannel().getId()
        : payload.getContainer() == null ? null : payload.getContainer().getChannelId();
    return new Asker(payload.getUser() == null ? null : payload.getUser().getId(),
        payload.getTeam() == null ? null : payload.getTeam().getId(), channel);
  }
}
