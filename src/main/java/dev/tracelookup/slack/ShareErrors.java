package dev.tracelookup.slack;

/** What to tell an agent whose share Slack refused, by {@code chat.postMessage} error code. */
final class ShareErrors {
  private ShareErrors() {}

  /**
   * Returns whether the conversation is a direct message or a group DM. DM IDs start with {@code
   * D}; group DMs share the {@code G}/{@code C} prefixes with channels, so Slack's conversation
   * name tells them apart ({@code directmessage}, {@code mpdm-…}).
   */
  static boolean isDirectMessage(String channelId, String channelName) {
    return (channelId != null && channelId.startsWith("D"))
        || (channelName != null
            && (channelName.equals("directmessage") || channelName.startsWith("mpdm-")));
  }

  /**
   * Returns the explanation for a refused share.
   *
   * @param directMessage whether the card was in a direct or group message, where nobody can {@code
   *     /invite} an app, so "invite me" would be advice that cannot be followed
   */
  static String explain(String error, boolean directMessage) {
    switch (error) {
      case "not_in_channel":
      case "channel_not_found":
        if (directMessage) {
          return "I can't post in this direct message: apps can only post where they are a member,"
              + " and a direct message can't take new members. Run `/trace-lookup` in a"
              + " channel I'm in and share from there, or copy what you need from the card.";
        }
        return "I could not post in this conversation: I am not a member. Invite me with `/invite"
            + " @trace-lookup` and click Share again.";
      case "is_archived":
        return "This channel is archived, so nothing can be posted in it.";
      case "restricted_action":
      case "restricted_action_read_only_channel":
      case "restricted_action_thread_only_channel":
        return "This channel does not let apps post here. Copy the card into the thread by hand, or"
            + " ask an admin.";
      case "ratelimited":
        return "Slack is rate-limiting my messages. Wait a minute and click Share again.";
      default:
        return "Slack refused the shared copy ("
            + error
            + "). Try again; if it keeps failing, tell the team"
            + " that runs the bot.";
    }
  }
}
