package dev.tracelookup.slack;

import dev.tracelookup.render.SlackMessage;
import java.util.Optional;

/** Sends answers after the ack; the only way handlers talk back to Slack later. */
interface SlackReplies {

  /** Where an answer through {@code response_url} goes. */
  enum Visibility {
    /** A new message only the agent sees. */
    EPHEMERAL,
    /** Replaces the message the button was on (Refresh). */
    REPLACE,
    /** A new message everyone in the channel sees. */
    IN_CHANNEL
  }

  /**
   * Posts the message to the invocation's {@code response_url}.
   *
   * @return whether Slack accepted it, and if not why: {@code expired_url} (the URL is past its 30
   *     minutes or its 5 uses), {@code timeout} (Slack may have taken it), {@code unreachable},
   *     {@code http_<status>}
   */
  PostResult respond(String responseUrl, SlackMessage message, Visibility visibility);

  /**
   * Posts a new message as the bot with {@code chat.postMessage}, into the thread when {@code
   * threadTs} is given. Ephemeral answers cannot be promoted, so sharing posts a copy.
   */
  PostResult post(String channelId, String threadTs, SlackMessage message);

  /** Posts a message only {@code user} sees, into the thread, with {@code chat.postEphemeral}. */
  PostResult postEphemeral(String channelId, String threadTs, String user, SlackMessage message);

  /**
   * Replaces a message the bot posted with {@code chat.update}: a channel copy, when the count of
   * other customers arrives after it.
   */
  PostResult update(Posted message, SlackMessage replacement);

  /**
   * Whether a post landed, and if not, Slack's error code ({@code not_in_channel}, …).
   *
   * @param where the message Slack made, when it says (chat.postMessage does)
   */
  record PostResult(boolean ok, String error, Optional<Posted> where) {
    PostResult(boolean ok, String error) {
      this(ok, error, Optional.empty());
    }

    static PostResult posted() {
      return new PostResult(true, "");
    }
  }

  /**
   * A message the bot posted, as {@code chat.update} addresses it.
   *
   * @param channel the conversation's ID as Slack answered it (a direct message's {@code D…}, not
   *     the user's ID it was posted to)
   * @param ts the message's timestamp, its ID within the conversation
   */
  record Posted(String channel, String ts) {}
}
