package dev.tracelookup.slack;

import dev.tracelookup.slack.Delivery.Way;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where an answer goes after the ack, and where what only its asker should read goes. */
sealed interface Route permits Route.Private, Route.Public {

  /** Returns the way the answer is sent first. */
  Way sent();

  /**
   * Returns where messages for the asker alone go: why an answer is withheld, an apology, "busy",
   * why Slack refused a post.
   */
  Private privately();

  /**
   * Only the asker sees the answer. It goes the first of {@code ways} that Slack takes; an answer
   * that timed out on the response URL is not sent again, as Slack may have taken it.
   *
   * @param responseUrl the interaction's {@code response_url}, if it has one
   * @param threadTs the thread {@code chat.postEphemeral} answers in, or empty for the channel
   */
  record Private(
      List<Way> ways,
      Optional<String> responseUrl,
      Visibility visibility,
      Optional<String> threadTs)
      implements Route {
    public Private {
      ways = List.copyOf(ways);
      if (ways.isEmpty() || ways.contains(Way.POSTED) || ways.contains(Way.LOST)) {
        throw new IllegalArgumentException("a private answer goes to the asker alone: " + ways);
      }
      responseUrl = responseUrl.filter(url -> !url.isEmpty());
      Objects.requireNonNull(visibility, "visibility");
      Objects.requireNonNull(threadTs, "threadTs");
    }

    @Override
    public Way sent() {
      return ways.get(0);
    }

    @Override
    public Private privately() {
      return this;
    }

    /** Returns this route replacing the message it answers: the progress message, once posted. */
    Private replacing() {
      return new Private(ways, responseUrl, Visibility.REPLACE, threadTs);
    }

    /** Returns this route for a new message: "busy" must not replace the card Refresh was on. */
    Private asNewMessage() {
      return new Private(ways, responseUrl, Visibility.EPHEMERAL, threadTs);
    }
  }

  /**
   * Everyone in the conversation sees the answer, posted as the bot, into the thread when there is
   * one; a refused post is explained to the asker through {@code privately}.
   *
   * @param directMessage the conversation is a direct or group message, where nobody can invite the
   *     bot, which changes the explanation
   */
  record Public(String channel, Optional<String> threadTs, boolean directMessage, Private privately)
      implements Route {
    public Public {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(threadTs, "threadTs");
      Objects.requireNonNull(privately, "privately");
    }

    @Override
    public Way sent() {
      return Way.POSTED;
    }
  }

  /**
   * Returns the route of a private answer: the response URL, then around it when Slack refuses (a
   * lookup form submitted after its URL's 30 minutes gets {@code 404 expired_url}) with {@code
   * chat.postEphemeral} where the asker asked, then as a direct message from the bot (a DM between
   * people, a private channel the bot is not in).
   */
  static Private answer(String responseUrl, Visibility visibility) {
    return new Private(
        List.of(Way.RESPONSE_URL, Way.EPHEMERAL, Way.DIRECT_MESSAGE),
        Optional.ofNullable(responseUrl),
        visibility,
        Optional.empty());
  }

  /**
   * Returns the route of a private answer that belongs in a thread (the lookup form submitted from
   * a message in one): {@code chat.postEphemeral} there, then the response URL, outside the thread,
   * then a direct message.
   */
  static Private inThread(String threadTs, String responseUrl) {
    return new Private(
        List.of(Way.EPHEMERAL, Way.RESPONSE_URL, Way.DIRECT_MESSAGE),
        Optional.ofNullable(responseUrl),
        Visibility.EPHEMERAL,
        Optional.of(threadTs));
  }

  /**
   * Returns the route to the asker of a mention: ephemeral in its thread, then a direct message.
   */
  static Private toAskerIn(String threadTs) {
    return new Private(
        List.of(Way.EPHEMERAL, Way.DIRECT_MESSAGE),
        Optional.empty(),
        Visibility.EPHEMERAL,
        Optional.of(threadTs));
  }

  /** Returns a route that tries {@code way} alone, for answers that must not wait on fallbacks. */
  static Private only(Way way, Optional<String> responseUrl, Optional<String> threadTs) {
    return new Private(List.of(way), responseUrl, Visibility.EPHEMERAL, threadTs);
  }

  /** Returns the route of a post for everyone in the conversation. */
  static Public post(
      String channel, Optional<String> threadTs, boolean directMessage, Private privately) {
    return new Public(channel, threadTs, directMessage, privately);
  }
}
