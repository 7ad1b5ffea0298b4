package dev.tracelookup.slack;

import dev.tracelookup.lookup.Admission;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the slow part of an interaction after the ack and delivers its one final answer. Every job
 * takes the same path: work out an {@link Answer} (a bug in the pipeline becomes an apology, so the
 * agent is never left waiting in silence), deliver it along its {@link Route}, and hand how that
 * went to the audit.
 */
final class LookupRunner {
  private static final Logger log = LoggerFactory.getLogger(LookupRunner.class);
  private static final String APOLOGY =
      "Something went wrong inside trace-lookup while answering. "
          + "Try again; if it keeps happening, tell the team that runs the bot.";

  private final TraceLookup lookup;
  private final LookupPresenter presenter;
  private final SlackReplies replies;
  private final LookupJobs jobs;
  private final Audits audits;
  private final Deliveries deliveries;
  private final Optional<BlastRadii> blastRadii;

  LookupRunner(
      TraceLookup lookup,
      LookupPresenter presenter,
      SlackReplies replies,
      LookupJobs jobs,
      Audits audits) {
    this(lookup, presenter, replies, jobs, audits, Optional.empty());
  }

  /**
   * @param blastRadii counts the other customers with a card's featured failure after the card is
   *     posted, and the card is then replaced with the count
   */
  LookupRunner(
      TraceLookup lookup,
      LookupPresenter presenter,
      SlackReplies replies,
      LookupJobs jobs,
      Audits audits,
      Optional<BlastRadii> blastRadii) {
    this.blastRadii = blastRadii;
    this.lookup = lookup;
    this.presenter = presenter;
    this.replies = replies;
    this.jobs = jobs;
    this.audits = audits;
    this.deliveries = new Deliveries(replies);
  }

  /** Queues a lookup answered privately; returns false when the bot is too busy to take it. */
  boolean submitLookup(
      Asker asker, LookupRequest request, ZoneId agentZone, String responseUrl, Audience audience) {
    return submitLookupJob(
        "lookup",
        asker,
        Route.answer(responseUrl, Visibility.EPHEMERAL),
        request,
        false,
        agentZone,
        audience);
  }

  /**
   * Queues a lookup from the "Find traces" form: the answer goes into the thread the message was
   * in, visible to the agent alone (with "Post to thread"), or through the shortcut's response URL.
   */
  boolean submitFormLookup(
      Asker asker, LookupRequest request, ZoneId agentZone, FormContext context) {
    boolean inThread = context.threadTs().isPresent();
    Route route =
        inThread
            ? Route.inThread(context.threadTs().get(), context.responseUrl())
            : Route.answer(context.responseUrl(), Visibility.EPHEMERAL);
    return submitLookupJob(
        "lookup", asker, route, request, false, agentZone, Audience.agent(inThread));
  }

  /**
   * Queues a lookup asked for by a mention: the card goes into the thread for everyone, naming the
   * customer by fingerprint; a failure goes to the asker alone.
   */
  boolean submitThreadLookup(LookupRequest request, MentionHandler.Thread thread) {
    Asker asker = new Asker(thread.asker(), thread.team(), thread.channel());
    Route route =
        Route.post(
            thread.channel(),
            Optional.of(thread.ts()),
            ShareErrors.isDirectMessage(thread.channel(), null),
            Route.toAskerIn(thread.ts()));
    // Times in UTC: everyone in the thread reads the card, each in their own zone.
    return submitLookupJob(
        "lookup", asker, route, request, false, ZoneOffset.UTC, Audience.channel(thread.asker()));
  }

  /** Queues "Refresh": the lookup again past the cache, replacing the card it was clicked on. */
  boolean submitRefresh(
      Asker asker, LookupRequest request, ZoneId agentZone, String responseUrl, boolean inThread) {
    return submitLookupJob(
        "refresh",
        asker,
        Route.answer(responseUrl, Visibility.REPLACE),
        request,
        true,
        agentZone,
        Audience.agent(inThread));
  }

  /** Queues "Show trace"; returns false when the bot is too busy to take it. */
  boolean submitTrace(
      Asker asker, RequestTokens.TraceButton button, ZoneId agentZone, String responseUrl) {
    return submit(
        "show_trace",
        asker,
        Route.answer(responseUrl, Visibility.EPHEMERAL),
        () -> {
          TraceLookup.TraceResult result = lookup.trace(button.traceId());
          Audits.Audited audited = audits.trace(asker, button, result);
          return audited.withholds()
              ? Answer.problem(Audits.WITHHELD)
              : new Answer.Result(
                  presenter.presentTrace(result, agentZone, lookup.backendName()), audited.entry());
        });
  }

  /**
   * Queues "Share": posts a channel-safe copy of the card as the bot, into the thread when there is
   * one, and tells the sharer privately if Slack refused.
   */
  boolean submitShare(Asker asker, LookupRequest request, ZoneId readerZone, Share share) {
    Route route =
        Route.post(
            share.channelId(),
            Optional.ofNullable(share.threadTs()),
            share.directMessage(),
            Route.answer(share.responseUrl(), Visibility.EPHEMERAL));
    return submitLookupJob(
        "share", asker, route, request, false, readerZone, Audience.channel(share.sharedBy()));
  }

  /**
   * Where a shared copy goes, who shared it, and whether it goes into a direct or group message.
   */
  record Share(
      String channelId,
      String threadTs,
      String sharedBy,
      String responseUrl,
      boolean directMessage) {}

  /** Answers "busy" through the response URL, for interactions whose ack cannot carry a message. */
  void answerBusy(String responseUrl) {
    // In the handler, before the ack: one try, with no fallbacks to wait on.
    replies.respond(responseUrl, busy(), Visibility.EPHEMERAL);
  }

  /**
   * Returns the answer for a lookup that was not taken: how long it would likely take now, when the
   * backend is the reason, else that every lookup thread is taken.
   */
  SlackMessage busy() {
    Admission admission = lookup.admission();
    Duration likely = admission.likely();
    Duration allowed = admission.allowed();
    return likely.compareTo(allowed) > 0 ? Messages.busy(likely, allowed) : Messages.busy();
  }

  /**
   * Queues the job if admission expects it to finish in time; one that then waited in the queue
   * past its time answers "busy" instead, as a new message for the asker alone.
   */
  private boolean submit(String event, Asker asker, Route route, Supplier<Answer> work) {
    return submit(event, asker, route, work, delivery -> {});
  }

  private boolean submit(
      String event,
      Asker asker,
      Route route,
      Supplier<Answer> work,
      Consumer<Delivery> afterDelivery) {
    Admission.Decision decision = lookup.admission().admit();
    if (decision instanceof Admission.TurnedAway away) {
      log.warn(
          "{} turned away: it would likely take {} ms, more than the {} ms it may ({} lookups"
              + " running)",
          event,
          away.likely().toMillis(),
          away.allowed().toMillis(),
          lookup.admission().running());
      return false;
    }
    Admission.Ticket ticket = ((Admission.Admitted) decision).ticket();
    boolean taken =
        jobs.trySubmit(
            () -> {
              try (ticket) {
                finish(event, asker, route, work, afterDelivery);
              }
            },
            () -> {
              try (ticket) {
                deliveries.deliver(
                    asker, route.privately().asNewMessage(), new Answer.Problem(busy()));
              }
            });
    if (!taken) {
      ticket.close();
    }
    return taken;
  }

  /** The one path of every job: the answer, its delivery, and the delivery on record. */
  private void finish(
      String event,
      Asker asker,
      Route route,
      Supplier<Answer> work,
      Consumer<Delivery> afterDelivery) {
    Answer answer;
    try {
      answer = work.get();
    } catch (RuntimeException bug) {
      log.error("{} failed unexpectedly; answering with an apology", event, bug);
      answer = Answer.problem(APOLOGY);
    }
    Delivery delivery = deliveries.deliver(asker, route, answer);
    if (answer instanceof Answer.Result result) {
      audits.delivered(result.audited(), delivery);
      afterDelivery.accept(delivery);
    }
  }

  /**
   * Queues a lookup whose card goes to the audience along the route; a copy for a channel is
   * audited as shared.
   */
  private boolean submitLookupJob(
      String event,
      Asker asker,
      Route route,
      LookupRequest request,
      boolean refresh,
      ZoneId zone,
      Audience audience) {
    AtomicReference<LookupOutcome> answered = new AtomicReference<>();
    Optional<String> replaceable = replaceableUrl(route, audience);
    return submit(
        event,
        asker,
        route,
        () -> {
          LookupOutcome outcome = lookup.lookup(request, refresh);
          answered.set(outcome);
          boolean counting =
              replaceable.isPresent()
                  && blastRadii.isPresent()
                  && BlastRadii.signature(outcome).isPresent();
          return lookupAnswer(
              event,
              asker,
              outcome,
              zone,
              audience,
              counting ? Optional.of(new BlastReport.Pending()) : Optional.empty());
        },
        delivery -> {
          LookupOutcome outcome = answered.get();
          if (replaceable.isPresent() && outcome != null) {
            countLater(asker, outcome, zone, audience, replaceable.get(), delivery);
          }
        });
  }

  /**
   * Returns the response URL a private card can later be replaced through: the card goes there
   * first, and only the asker reads it. A card for a channel, or one sent another way first, is not
   * updated.
   */
  private static Optional<String> replaceableUrl(Route route, Audience audience) {
    if (audience.shared() || !(route instanceof Route.Private alone)) {
      return Optional.empty();
    }
    return alone.sent() == Delivery.Way.RESPONSE_URL ? alone.responseUrl() : Optional.empty();
  }

  /**
   * Counts the other customers with the card's featured failure, off this thread, and replaces the
   * card with the count when it arrives: the agent never waits for it. The card used the response
   * URL once; this is its second of five uses. A card that went another way, because Slack refused
   * the URL, cannot be replaced and keeps no promise of a count.
   */
  private void countLater(
      Asker asker,
      LookupOutcome outcome,
      ZoneId zone,
      Audience audience,
      String responseUrl,
      Delivery delivery) {
    if (blastRadii.isEmpty()) {
      return;
    }
    Optional<CompletableFuture<BlastReport>> counting = blastRadii.get().count(outcome);
    if (counting.isEmpty()) {
      return;
    }
    if (delivery.way() != Delivery.Way.RESPONSE_URL) {
      log.info("the card went {}, so it cannot be replaced with the count", delivery.way().how());
      return;
    }
    BlastRadii.TimeWindowBounds window = blastRadii.get().window(outcome.request());
    counting
        .get()
        .thenAccept(
            report -> {
              Audits.Audited audited = audits.blast(asker, outcome, window, report);
              if (audited.withholds()) {
                return;
              }
              SlackMessage card = presenter.present(outcome, zone, audience, Optional.of(report));
              replies.respond(responseUrl, card, Visibility.REPLACE);
            })
        .exceptionally(
            bug -> {
              log.error("replacing the card with the blast radius failed", bug);
              return null;
            });
  }

  /**
   * Audits the outcome and returns what the agent may see of it: the answer, or, when the audit log
   * could not record it and fails closed, why it is withheld.
   */
  private Answer lookupAnswer(
      String event,
      Asker asker,
      LookupOutcome outcome,
      ZoneId zone,
      Audience audience,
      Optional<BlastReport> blast) {
    Audits.Audited audited = audits.lookup(event, asker, outcome, audience.shared());
    return audited.withholds()
        ? Answer.problem(Audits.WITHHELD)
        : new Answer.Result(presenter.present(outcome, zone, audience, blast), audited.entry());
  }
}
