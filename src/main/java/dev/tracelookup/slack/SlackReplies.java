package dev.tracelookup.slack;

import dev.tracelookup.render.SlackMessage;

/** Sends the final answer of an invocation; the only way handlers talk back to Slack later. */
interface SlackReplies {

  /**
   * Posts the message to the invocation's {@code response_url}.
   *
   * @param visibleToChannel false for an ephemeral answer only the agent sees
   * @return whether Slack accepted it
   */
  boolean respond(String responseUrl, SlackMessage message, boolean visibleToChannel);
}
