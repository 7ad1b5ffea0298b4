package dev.tracelookup.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the first message of a thread with {@code conversations.replies} ({@code ts} = the thread's
 * {@code thread_ts}, {@code limit=1}, {@code inclusive}): in an escalation thread that is where the
 * ticket or the customer is named. Needs the {@code *:history} scope of the conversation's kind,
 * and the bot in the conversation; a refusal becomes a sentence the agent can act on.
 */
final class ThreadParent {
  private static final Logger log = LoggerFactory.getLogger(ThreadParent.class);

  private ThreadParent() {}

  /** The parent, or why it could not be read. */
  sealed interface Read permits Found, Refused {}

  record Found(Message message) implements Read {}

  /**
   * @param explanation what happened and what to do, for the agent
   */
  record Refused(String explanation) implements Read {}

  static Read read(MethodsClient client, String channel, String threadTs) {
    try {
      ConversationsRepliesResponse replies =
          client.conversationsReplies(
              r -> r.channel(channel).ts(threadTs).limit(1).inclusive(true));
      if (replies.isOk() && replies.getMessages() != null && !replies.getMessages().isEmpty()) {
        return new Found(replies.getMessages().get(0));
      }
      log.warn("conversations.replies refused: {}", replies.getError());
      return new Refused(explain(replies.isOk() ? "no_messages" : replies.getError(), replies));
    } catch (IOException | SlackApiException failed) {
      log.warn("conversations.replies failed: {}", failed.getMessage());
      return new Refused(
          "I could not reach Slack to read this thread's first message. Try again, or mention me"
              + " with the user ID or the ticket link.");
    }
  }

  private static String explain(String error, ConversationsRepliesResponse replies) {
    String fallback = " Meanwhile, mention me with the user ID or the ticket link.";
    switch (error == null ? "" : error) {
      case "missing_scope":
        return "I cannot read this thread's first message: the app lacks the `"
            + (replies.getNeeded() == null ? "channels:history" : replies.getNeeded())
            + "` scope (Slack said missing_scope). An admin can add the history scopes in the app"
            + " manifest and reinstall the app."
            + fallback;
      case "not_in_channel":
      case "channel_not_found":
        return "I cannot read this thread's first message: I am not in this conversation (Slack"
            + " said "
            + error
            + "). Invite me with `/invite @trace-lookup`."
            + fallback;
      case "ratelimited":
        // Apps distributed outside the Marketplace may read threads only about once a minute.
        return "Slack is limiting how often I may read threads (Slack said ratelimited). Try again"
            + " in a minute."
            + fallback;
      case "thread_not_found":
      case "no_messages":
        return "I could not find this thread's first message; it may have been deleted." + fallback;
      default:
        return "Slack did not let me read this thread's first message (" + error + ")." + fallback;
    }
  }
}
