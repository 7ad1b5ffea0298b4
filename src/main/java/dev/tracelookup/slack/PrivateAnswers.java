package dev.tracelookup.slack;

import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.SlackReplies.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an answer only the asker may see, and does not give up when {@code response_url} does.
 * A response URL lives 30 minutes and five uses: a lookup form submitted later than that (the
 * shortcut's URL travels in the form) gets {@code 404 expired_url}, and the answer was lost. Then
 * the answer goes with {@code chat.postEphemeral} where the asker asked (into the thread when there
 * is one), and when the bot cannot post there (a DM between people, a private channel it is not in)
 * as a direct message from the bot.
 *
 * <p>A response URL that timed out is not tried around: Slack may have taken the answer and be slow
 * to say so, and the agent should not read it twice.
 */
final class PrivateAnswers {
  private static final Logger log = LoggerFactory.getLogger(PrivateAnswers.class);

  private final SlackReplies replies;

  PrivateAnswers(SlackReplies replies) {
    this.replies = replies;
  }

  /**
   * Returns whether the answer reached the asker by any way.
   *
   * @param threadTs the thread the asker is in, or null
   */
  boolean deliver(Asker asker, String threadTs, String responseUrl, SlackMessage message, Visibility visibility) {
    SlackReplies.PostResult answered = responseUrl == null || responseUrl.isEmpty()
        ? new SlackReplies.PostResult(false, "no_response_url")
        : replies.respond(responseUrl, message, visibility);
    if (answered.ok()) {
      return true;
    }
    if (answered.error().equals("timeout") || asker.user().isEmpty()) {
      log.warn("the final answer could not be delivered to Slack (response_url: {})", answered.error());
      return false;
    }
    if (!asker.channel().isEmpty() && replies.postEphemeral(asker.channel(), threadTs, asker.user(), message).ok()) {
      log.warn("response_url refused the answer ({}); answered with chat.postEphemeral instead", answered.error());
      return true;
    }
    // chat.postMessage to a user ID lands in the bot's direct messages with them (the app's Messages tab).
    if (replies.post(asker.user(), null, message).ok()) {
      log.warn("response_url refused the answer ({}); answered in a direct message instead", answered.error());
      return true;
    }
    log.warn("the final answer could not be delivered to Slack (response_url: {}; chat.postEphemeral and a direct"
        + " message failed too)", answered.error());
    return false;
  }
}
