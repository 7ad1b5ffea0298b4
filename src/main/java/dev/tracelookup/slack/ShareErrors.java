package dev.tracelookup.slack;

/** What to tell an agent whose share Slack refused, by {@code chat.postMessage} error code. */
final class ShareErrors {
  private ShareErrors() {}

  static String explain(String error) {
    switch (error) {
      case "not_in_channel":
      case "channel_not_found":
        return "I could not post in this conversation: I am not a member. Invite me with `/invite @trace-lookup`"
            + " and click Share again.";
      case "is_archived":
        return "This channel is archived, so nothing can be posted in it.";
      case "restricted_action":
      case "restricted_action_read_only_channel":
      case "restricted_action_thread_only_channel":
        return "This channel does not let apps post here. Copy the card into the thread by hand, or ask an admin.";
      case "ratelimited":
        return "Slack is rate-limiting my messages. Wait a minute and click Share again.";
      default:
        return "Slack refused the shared copy (" + error + "). Try again; if it keeps failing, tell the team"
            + " that runs the bot.";
    }
  }
}
