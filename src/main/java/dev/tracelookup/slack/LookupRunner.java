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
  private final Audits audits;

  LookupRunner(TraceLookup lookup, LookupPresenter presenter, SlackReplies replies, LookupJobs jobs, Audits audits) {
    this.lookup = lookup;
    this.presenter = presenter;
    this.replies = replies;
    this.jobs = jobs;
    this.audits = audits;
  }

  /** Queues a lookup answered privately; returns false when the bot is too busy to take it. */
  boolean submitLookup(Asker asker, LookupRequest request, ZoneId agentZone, String responseUrl, Audience audience) {
    return jobs.trySubmit(() -> deliver(responseUrl, Visibility.EPHEMERAL,
        () -> presenter.present(audited("lookup", asker, lookup.lookup(request, false), false), agentZone, audience)),
        () -> answerBusy(responseUrl));
  }

  /**
   * Queues a lookup from the "Find traces" form: the answer goes into the thread the message was
   * in, visible to the agent alone (with "Post to thread"), or through the shortcut's response URL.
   */
  boolean submitFormLookup(Asker asker, LookupRequest request, ZoneId agentZone, FormContext context) {
    String agent = asker.user();
    return jobs.trySubmit(() -> {
      if (context.threadTs().isEmpty()) {
        deliver(context.responseUrl(), Visibility.EPHEMERAL, () -> presenter.present(
            audited("lookup", asker, lookup.lookup(request, false), false), agentZone, Audience.agent(false)));
        return;
      }
      SlackMessage card;
      try {
        card = presenter.present(audited("lookup", asker, lookup.lookup(request, false), false), agentZone,
            Audience.agent(true));
      } catch (RuntimeException bug) {
        log.error("lookup failed unexpectedly; answering with an apology", bug);
        card = Messages.failure(APOLOGY);
      }
      SlackReplies.PostResult posted = replies.postEphemeral(context.channelId(), context.threadTs().get(), agent, card);
      if (!posted.ok()) {
        // Not in the channel, say: the response URL still reaches the agent, outside the thread.
        replies.respond(context.responseUrl(), card, Visibility.EPHEMERAL);
      }
    }, () -> answerBusy(context.responseUrl()));
  }

  /**
   * Queues a lookup asked for by a mention: the card goes into the thread for everyone, naming the
   * customer by fingerprint; a failure goes to the asker alone.
   */
  boolean submitThreadLookup(LookupRequest request, MentionHandler.Thread thread) {
    Asker asker = new Asker(thread.asker(), thread.team(), thread.channel());
    return jobs.trySubmit(() -> {
      SlackMessage card;
      try {
        LookupOutcome outcome = audited("lookup", asker, lookup.lookup(request, false), true);
        card = presenter.present(outcome, java.time.ZoneOffset.UTC, Audience.channel(thread.asker()));
      } catch (RuntimeException bug) {
        log.error("lookup failed unexpectedly; answering with an apology", bug);
        replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), Messages.failure(APOLOGY));
        return;
      }
      SlackReplies.PostResult posted = replies.post(thread.channel(), thread.ts(), card);
      if (!posted.ok()) {
        String problem = ShareErrors.explain(posted.error(), ShareErrors.isDirectMessage(thread.channel(), null));
        replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), Messages.failure(problem));
      }
    }, () -> replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), Messages.busy()));
  }

  /** Queues "Refresh": the lookup again past the cache, replacing the card it was clicked on. */
  boolean submitRefresh(Asker asker, LookupRequest request, ZoneId agentZone, String responseUrl, boolean inThread) {
    return jobs.trySubmit(() -> deliver(responseUrl, Visibility.REPLACE, () -> presenter.present(
        audited("refresh", asker, lookup.lookup(request, true), false), agentZone, Audience.agent(inThread))),
        () -> answerBusy(responseUrl));
  }

  /** Queues "Show trace"; returns false when the bot is too busy to take it. */
  boolean submitTrace(Asker asker, String traceId, ZoneId agentZone, String responseUrl) {
    return jobs.trySubmit(() -> deliver(responseUrl, Visibility.EPHEMERAL, () -> {
      TraceLookup.TraceResult result = lookup.trace(traceId);
      audits.trace(asker, result);
      return presenter.presentTrace(result, agentZone, lookup.backendName());
    }), () -> answerBusy(responseUrl));
  }

  /**
   * Queues "Share": posts a channel-safe copy of the card as the bot, into the thread when there is
   * one, and tells the sharer privately if Slack refused.
   */
  boolean submitShare(Asker asker, LookupRequest request, ZoneId readerZone, Share share) {
    return jobs.trySubmit(() -> {
      SlackMessage copy;
      try {
        LookupOutcome outcome = audited("share", asker, lookup.lookup(request, false), true);
        copy = presenter.present(outcome, readerZone, Audience.channel(share.sharedBy()));
      } catch (RuntimeException bug) {
        log.error("share failed unexpectedly; answering with an apology", bug);
        replies.respond(share.responseUrl(), Messages.failure(APOLOGY), Visibility.EPHEMERAL);
        return;
      }
      SlackReplies.PostResult posted = replies.post(share.channelId(), share.threadTs(), copy);
      if (!posted.ok()) {
        replies.respond(share.responseUrl(), Messages.failure(ShareErrors.explain(posted.error(), share.directMessage())),
            Visibility.EPHEMERAL);
      }
    }, () -> answerBusy(share.responseUrl()));
  }

  /** Where a shared copy goes, who shared it, and whether it goes into a direct or group message. */
  record Share(String channelId, String threadTs, String sharedBy, String responseUrl, boolean directMessage) {}

  private LookupOutcome audited(String event, Asker asker, LookupOutcome outcome, boolean shared) {
    audits.lookup(event, asker, outcome, shared);
    return outcome;
  }

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
