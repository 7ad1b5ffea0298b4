package dev.tracelookup.slack;

import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of an interaction after the ack and delivers its one final answer. A bug in
 * the pipeline still ends in an answer: the agent is never left waiting in silence.
 */
final class LookupRunner {
  private static final Logger log = LoggerFactory.getLogger(LookupRunner.class);
  private static final String APOLOGY = "Something went wrong inside trace-lookup while answering. "
      + "Try again; if it keeps happening, tell the team that runs the bot.";

  private final TraceLookup lookup;
  private final LookupPresenter presenter;
  private final SlackReplies replies;
  private final LookupJobs jobs;

  LookupRunner(TraceLookup lookup, LookupPresenter presenter, SlackReplies replies, LookupJobs jobs) {
    this.lookup = lookup;
    this.presenter = presenter;
    this.replies = replies;
    this.jobs = jobs;
  }

  /** Queues a lookup answered privately; returns false when the bot is too busy to take it. */
  boolean submitLookup(LookupRequest request, ZoneId agentZone, String responseUrl, Audience audience) {
    return jobs.trySubmit(() -> deliver(responseUrl, Visibility.EPHEMERAL,
        () -> presenter.present(lookup.lookup(request, false), agentZone, audience)));
  }

  /**
   * Queues a lookup from the "Find traces" form: the answer goes into the thread the message was
   * in, visible to the agent alone (with "Post to thread"), or through the shortcut's response URL.
   */
  boolean submitFormLookup(LookupRequest request, ZoneId agentZone, FormContext context, String agent) {
    return jobs.trySubmit(() -> {
      if (context.threadTs().isEmpty()) {
        deliver(context.responseUrl(), Visibility.EPHEMERAL,
            () -> presenter.present(lookup.lookup(request, false), agentZone, Audience.agent(false)));
        return;
      }
      SlackMessage card;
      try {
        card = presenter.present(lookup.lookup(request, false), agentZone, Audience.agent(true));
      } catch (RuntimeException bug) {
        log.error("lookup failed unexpectedly; answering with an apology", bug);
        card = Messages.failure(APOLOGY);
      }
      SlackReplies.PostResult posted = replies.postEphemeral(context.channelId(), context.threadTs().get(), agent, card);
      if (!posted.ok()) {
        // Not in the channel, say: the response URL still reaches the agent, outside the thread.
        replies.respond(context.responseUrl(), card, Visibility.EPHEMERAL);
      }
    });
  }

  /**
   * Queues a lookup asked for by a mention: the card goes into the thread for everyone, naming the
   * customer by fingerprint; a failure goes to the asker alone.
   */
  boolean submitThreadLookup(LookupRequest request, MentionHandler.Thread thread) {
    return jobs.trySubmit(() -> {
      SlackMessage card;
      try {
        card = presenter.present(lookup.lookup(request, false), java.time.ZoneOffset.UTC, Audience.channel(thread.asker()));
      } catch (RuntimeException bug) {
        log.error("lookup failed unexpectedly; answering with an apology", bug);
        replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), Messages.failure(APOLOGY));
        return;
      }
      SlackReplies.PostResult posted = replies.post(thread.channel(), thread.ts(), card);
      if (!posted.ok()) {
        replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), Messages.failure(ShareErrors.explain(posted.error())));
      }
    });
  }

  /** Queues "Refresh": the lookup again past the cache, replacing the card it was clicked on. */
  boolean submitRefresh(LookupRequest request, ZoneId agentZone, String responseUrl, boolean inThread) {
    return jobs.trySubmit(() -> deliver(responseUrl, Visibility.REPLACE,
        () -> presenter.present(lookup.lookup(request, true), agentZone, Audience.agent(inThread))));
  }

  /** Queues "Show trace"; returns false when the bot is too busy to take it. */
  boolean submitTrace(String traceId, ZoneId agentZone, String responseUrl) {
    return jobs.trySubmit(() -> deliver(responseUrl, Visibility.EPHEMERAL,
        () -> presenter.presentTrace(lookup.trace(traceId), agentZone, lookup.backendName())));
  }

  /**
   * Queues "Share": posts a channel-safe copy of the card as the bot, into the thread when there is
   * one, and tells the sharer privately if Slack refused.
   */
  boolean submitShare(LookupRequest request, ZoneId readerZone, Share share) {
    return jobs.trySubmit(() -> {
      SlackMessage copy;
      try {
        LookupOutcome outcome = lookup.lookup(request, false);
        copy = presenter.present(outcome, readerZone, Audience.channel(share.sharedBy()));
      } catch (RuntimeException bug) {
        log.error("share failed unexpectedly; answering with an apology", bug);
        replies.respond(share.responseUrl(), Messages.failure(APOLOGY), Visibility.EPHEMERAL);
        return;
      }
      SlackReplies.PostResult posted = replies.post(share.channelId(), share.threadTs(), copy);
      if (!posted.ok()) {
        replies.respond(share.responseUrl(), Messages.failure(ShareErrors.explain(posted.error())), Visibility.EPHEMERAL);
      }
    });
  }

  /** Where a shared copy goes and who shared it. */
  record Share(String channelId, String threadTs, String sharedBy, String responseUrl) {}

  /** Answers "busy" through the response URL, for interactions whose ack cannot carry a message. */
  void answerBusy(String responseUrl) {
    replies.respond(responseUrl, Messages.busy(), Visibility.EPHEMERAL);
  }

  private void deliver(String responseUrl, Visibility visibility, Supplier<SlackMessage> answer) {
    SlackMessage message;
    try {
      message = answer.get();
    } catch (RuntimeException bug) {
      log.error("lookup failed unexpectedly; answering with an apology", bug);
      message = Messages.failure(APOLOGY);
    }
    if (!replies.respond(responseUrl, message, visibility)) {
      log.warn("the final answer could not be delivered to Slack (response_url expired or refused)");
    }
  }
}
