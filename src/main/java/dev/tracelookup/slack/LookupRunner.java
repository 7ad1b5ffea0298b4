package dev.tracelookup.slack;

import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import java.time.ZoneId;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a lookup after the ack and delivers its one final answer through {@code response_url}. A
 * bug inside the pipeline still ends in an answer: the agent is never left waiting in silence.
 */
final class LookupRunner {
  private static final Logger log = LoggerFactory.getLogger(LookupRunner.class);

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

  /** Queues the lookup; returns false when the bot is too busy to take it. */
  boolean submitLookup(LookupRequest request, ZoneId agentZone, String responseUrl) {
    return jobs.trySubmit(() -> deliver(responseUrl, () -> {
      LookupOutcome outcome = lookup.lookup(request, false);
      return presenter.present(outcome, agentZone);
    }));
  }

  /** Queues "Show trace"; returns false when the bot is too busy to take it. */
  boolean submitTrace(String traceId, ZoneId agentZone, String responseUrl) {
    return jobs.trySubmit(() -> deliver(responseUrl,
        () -> presenter.presentTrace(lookup.trace(traceId), agentZone, lookup.backendName())));
  }

  /** Answers "busy" through the response URL, for interactions whose ack cannot carry a message. */
  void answerBusy(String responseUrl) {
    replies.respond(responseUrl, Messages.busy(), false);
  }

  private void deliver(String responseUrl, Supplier<SlackMessage> answer) {
    SlackMessage message;
    try {
      message = answer.get();
    } catch (RuntimeException bug) {
      log.error("lookup failed unexpectedly; answering with an apology", bug);
      message = Messages.failure("Something went wrong inside trace-lookup while answering. "
          + "Try again; if it keeps happening, tell the team that runs the bot.");
    }
    if (!replies.respond(responseUrl, message, false)) {
      log.warn("the final answer could not be delivered to Slack (response_url expired or refused)");
    }
  }
}
