package dev.tracelookup.slack;

import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.Delivery.Way;
import dev.tracelookup.slack.SlackReplies.PostResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers an answer along its {@link Route} and says how it went. A private answer does not give
 * up when {@code response_url} does: a response URL lives 30 minutes and five uses, so a lookup
 * form submitted later (the shortcut's URL travels in the form) gets {@code 404 expired_url}; the
 * answer then goes the route's next way. A response URL that timed out is not tried around: Slack
 * may have taken the answer and be slow to say so, and the agent should not read it twice.
 */
final class Deliveries {
  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

  private final SlackReplies replies;

  Deliveries(SlackReplies replies) {
    this.replies = replies;
  }

  /** Delivers the answer: a result the route's way, a problem to the asker alone. */
  Delivery deliver(Asker asker, Route route, Answer answer) {
    if (route instanceof Route.Public everyone && answer instanceof Answer.Result) {
      return post(asker, everyone, answer.message());
    }
    return privately(asker, route.privately(), answer.message());
  }

  /** Posts for everyone; a refusal is explained to the asker, and the answer is lost. */
  private Delivery post(Asker asker, Route.Public route, SlackMessage message) {
    PostResult posted = replies.post(route.channel(), route.threadTs().orElse(null), message);
    if (posted.ok()) {
      return new Delivery(Way.POSTED, Way.POSTED, "", posted.where());
    }
    privately(
        asker,
        route.privately(),
        Messages.failure(ShareErrors.explain(posted.error(), route.directMessage())));
    return new Delivery(Way.LOST, Way.POSTED, posted.error());
  }

  /** Sends the message the first of the route's ways that Slack takes. */
  Delivery privately(Asker asker, Route.Private route, SlackMessage message) {
    Way sent = route.sent();
    String refusal = "";
    List<String> alsoTried = new ArrayList<>();
    for (Way way : route.ways()) {
      Optional<PostResult> tried = send(way, asker, route, message);
      if (tried.isEmpty()) {
        refusal = way == sent ? "no_channel" : refusal;
        continue;
      }
      if (tried.get().ok()) {
        if (way != sent) {
          log.warn(
              "{} refused the answer ({}); answered {} instead", sent.label(), refusal, way.how());
        }
        return new Delivery(way, sent, refusal, tried.get().where());
      }
      if (way == sent) {
        refusal = tried.get().error();
      } else {
        alsoTried.add(way.label());
      }
      if (way == Way.RESPONSE_URL && tried.get().error().equals("timeout")) {
        break;
      }
    }
    log.warn(
        "the final answer could not be delivered to Slack ({}: {}{})",
        sent.label(),
        refusal,
        alsoTried.isEmpty() ? "" : "; " + String.join(" and ", alsoTried) + " failed too");
    return new Delivery(Way.LOST, sent, refusal);
  }

  /** Returns what Slack said, or empty when this way cannot be tried for the asker. */
  private Optional<PostResult> send(
      Way way, Asker asker, Route.Private route, SlackMessage message) {
    return switch (way) {
      case RESPONSE_URL ->
          Optional.of(
              route
                  .responseUrl()
                  .map(url -> replies.respond(url, message, route.visibility()))
                  .orElseGet(() -> new PostResult(false, "no_response_url")));
      case EPHEMERAL ->
          asker.user().isEmpty() || asker.channel().isEmpty()
              ? Optional.empty()
              : Optional.of(
                  replies.postEphemeral(
                      asker.channel(), route.threadTs().orElse(null), asker.user(), message));
      // chat.postMessage to a user ID lands in the bot's direct messages with them (the app's
      // Messages tab).
      case DIRECT_MESSAGE ->
          asker.user().isEmpty()
              ? Optional.empty()
              : Optional.of(replies.post(asker.user(), null, message));
      case POSTED, LOST ->
          throw new IllegalArgumentException("not a way to the asker alone: " + way);
    };
  }
}
