package dev.tracelookup.slack;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How an answer reached Slack, or that it did not. A value rather than a log line, so the runner
 * hands it to the audit: an answer that went another way than it was sent (a direct message instead
 * of the response URL) or went nowhere is on record.
 *
 * @param way how the answer arrived, or {@link Way#LOST}
 * @param sent the way it was sent first, which the asker expects it by
 * @param refusal Slack's reason the first way failed ({@code expired_url}, {@code not_in_channel},
 *     {@code timeout}, …), or {@code ""} when it did not
 * @param posted the message a post for everyone made, which {@code chat.update} can replace
 */
record Delivery(Way way, Way sent, String refusal, Optional<SlackReplies.Posted> posted) {
  Delivery(Way way, Way sent, String refusal) {
    this(way, sent, refusal, Optional.empty());
  }

  /** The ways an answer reaches Slack after the ack. */
  enum Way {
    /** The interaction's {@code response_url}. */
    RESPONSE_URL("response_url", "through response_url"),
    /**
     * {@code chat.postEphemeral}: only the asker sees it, in the channel or thread they asked in.
     */
    EPHEMERAL("chat.postEphemeral", "with chat.postEphemeral"),
    /** {@code chat.postMessage} to the asker's user ID: the bot's direct messages with them. */
    DIRECT_MESSAGE("a direct message", "in a direct message"),
    /** {@code chat.postMessage} into the channel or thread, for everyone there. */
    POSTED("chat.postMessage", "with chat.postMessage"),
    /** Nothing reached Slack. */
    LOST("nothing", "nowhere");

    private final String label;
    private final String how;

    Way(String label, String how) {
      this.label = label;
      this.how = how;
    }

    /**
     * Returns how logs name this way as an attempt: {@code response_url}, {@code a direct message}.
     */
    String label() {
      return label;
    }

    /** Returns how logs say an answer went this way: {@code with chat.postEphemeral}. */
    String how() {
      return how;
    }

    /**
     * Returns the audit log's name for it: {@code response_url}, {@code direct_message}, {@code
     * lost}.
     */
    String auditName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  Delivery {
    Objects.requireNonNull(way, "way");
    Objects.requireNonNull(sent, "sent");
    refusal = refusal == null ? "" : refusal;
    posted = posted == null ? Optional.empty() : posted;
  }

  /** Returns whether the answer went the way it was sent first. */
  boolean asSent() {
    return way == sent;
  }

  /** Returns whether the answer reached Slack at all. */
  boolean delivered() {
    return way != Way.LOST;
  }
}
