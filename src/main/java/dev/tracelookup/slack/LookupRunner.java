package dev.tracelookup.slack;

import dev.tracelookup.lookup.Admission;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupProgress;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.SlackReplies.Visibility;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
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

  /** How long a lookup runs before the agent is told where it stands. */
  static final Duration PROGRESS_AFTER = Duration.ofSeconds(3);

  private static final String APOLOGY =
      "Something went wrong inside trace-lookup while answering. "
          + "Try again; if it keeps happening, tell the team that runs the bot.";

  private final TraceLookup lookup;
  private final LookupPresenter presenter;
  private final SlackReplies replies;
  private final LookupJobs jobs;
  private final Audits audits;
  private final Deliveries deliveries;
  private final Optional<ScheduledExecutorService> progressTimer;
  private final BiConsumer<String, LookupOutcome> finished;
  private final Optional<BlastRadii> blastRadii;

  /** Returns a runner whose lookups never post progress. */
  LookupRunner(
      TraceLookup lookup,
      LookupPresenter presenter,
      SlackReplies replies,
      LookupJobs jobs,
      Audits audits) {
    this(lookup, presenter, replies, jobs, audits, Optional.empty(), (user, outcome) -> {});
  }

  /**
   * @param progressTimer runs each slow lookup's one check at {@link #PROGRESS_AFTER}, which
   *     replaces its "Looking up…" with where it stands
   * @param finished told of every lookup an agent ran, once its outcome is on record (the Home
   *     tab's recent list); not of shared copies, which repeat one
   */
  LookupRunner(
      TraceLookup lookup,
      LookupPresenter presenter,
      SlackReplies replies,
      LookupJobs jobs,
      Audits audits,
      Optional<ScheduledExecutorService> progressTimer,
      BiConsumer<String, LookupOutcome> finished) {
    this(lookup, presenter, replies, jobs, audits, progressTimer, finished, Optional.empty());
  }

  /**
   * @param blastRadii counts the other customers with a card's featured failure after the card is
   *     posted; the card, which said the count was coming, is then replaced with it
   */
  LookupRunner(
      TraceLookup lookup,
      LookupPresenter presenter,
      SlackReplies replies,
      LookupJobs jobs,
      Audits audits,
      Optional<ScheduledExecutorService> progressTimer,
      BiConsumer<String, LookupOutcome> finished,
      Optional<BlastRadii> blastRadii) {
    this.blastRadii = blastRadii;
    this.finished = finished;
    this.lookup = lookup;
    this.presenter = presenter;
    this.replies = replies;
    this.jobs = jobs;
    this.audits = audits;
    this.deliveries = new Deliveries(replies);
    this.progressTimer = progressTimer;
  }

  /** Queues a lookup answered privately; returns false when the bot is too busy to take it. */
  boolean submitLookup(
      Asker asker, LookupRequest request, ZoneId agentZone, String responseUrl, Audience audience) {
    return submitWatched(
        "lookup",
        asker,
        Route.answer(responseUrl, Visibility.EPHEMERAL),
        agentZone,
        audience,
        progress -> lookup.lookup(request, false, progress));
  }

  /**
   * Queues a lookup from the "Find traces" form: the answer goes into the thread the message was
   * in, visible to the agent alone (with "Post to thread"), or through the shortcut's response URL.
   */
  boolean submitFormLookup(
      Asker asker, LookupRequest request, ZoneId agentZone, FormContext context) {
    return submitFormLookup(asker, request, agentZone, context, Optional.empty());
  }

  /**
   * Queues a lookup from the "Find traces" form that started from {@code ticket}: its card offers
   * "Add note to ticket" where the bot may write there.
   */
  boolean submitFormLookup(
      Asker asker,
      LookupRequest request,
      ZoneId agentZone,
      FormContext context,
      Optional<TicketLink> ticket) {
    boolean inThread = context.threadTs().isPresent();
    // The form opened from the Home tab has neither a channel nor a response URL.
    boolean fromHome = context.channelId().isEmpty() && context.responseUrl().isEmpty();
    Route route =
        inThread
            // A form offered under a mention's answer has no response URL: blank means none.
            ? Route.inThread(
                context.threadTs().get(),
                context.responseUrl().isBlank() ? null : context.responseUrl())
            : fromHome ? direct() : Route.answer(context.responseUrl(), Visibility.EPHEMERAL);
    return submitLookupJob(
        "lookup",
        asker,
        route,
        request,
        false,
        agentZone,
        Audience.agent(inThread).forTicket(ticket));
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

  /**
   * Queues a lookup asked for from the Home tab ("Run again"), which has no channel and no response
   * URL: the card comes as a direct message from the bot.
   */
  boolean submitDirectLookup(Asker asker, LookupRequest request, ZoneId agentZone) {
    return submitLookupJob(
        "lookup", asker, direct(), request, false, agentZone, Audience.agent(false));
  }

  private static Route.Private direct() {
    return Route.only(Delivery.Way.DIRECT_MESSAGE, Optional.empty(), Optional.empty());
  }

  /** Queues "Refresh": the lookup again past the cache, replacing the card it was clicked on. */
  boolean submitRefresh(
      Asker asker, LookupRequest request, ZoneId agentZone, String responseUrl, boolean inThread) {
    return submitWatched(
        "refresh",
        asker,
        Route.answer(responseUrl, Visibility.REPLACE),
        agentZone,
        Audience.agent(inThread),
        progress -> lookup.lookup(request, true, progress));
  }

  /**
   * Queues "Previous" or "Next": the page, from the cache when this replica has it, replacing the
   * card it was pressed on.
   */
  boolean submitPage(
      Asker asker,
      RequestTokens.PageButton button,
      ZoneId agentZone,
      String responseUrl,
      boolean inThread) {
    return submitWatched(
        "page",
        asker,
        Route.answer(responseUrl, Visibility.REPLACE),
        agentZone,
        Audience.agent(inThread),
        progress -> lookup.page(button.request(), button.page(), progress));
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
    return submit(event, asker, route, progress -> work.get(), false, delivery -> {});
  }

  /**
   * Queues the job; a {@code watched} one whose answer goes through a response URL tells the agent
   * once where it stands if it is still running after {@link #PROGRESS_AFTER}.
   */
  private boolean submit(
      String event,
      Asker asker,
      Route route,
      Function<LookupProgress.Tracker, Answer> work,
      boolean watched,
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
                finish(event, asker, route, work, watched, afterDelivery);
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

  /**
   * The one path of every job: the answer, its delivery, and the delivery on record. The answer
   * replaces the progress message when one was posted; no progress is posted after it.
   */
  private void finish(
      String event,
      Asker asker,
      Route route,
      Function<LookupProgress.Tracker, Answer> work,
      boolean watched,
      Consumer<Delivery> afterDelivery) {
    LookupProgress.Tracker progress = LookupProgress.Tracker.of(lookup.backendName());
    Optional<ProgressNotice> notice = watched ? notice(route, progress) : Optional.empty();
    Answer answer = null;
    boolean progressShown;
    try {
      answer = work.apply(progress);
    } catch (RuntimeException bug) {
      log.error("{} failed unexpectedly; answering with an apology", event, bug);
      answer = Answer.problem(APOLOGY);
    } finally {
      progressShown = notice.map(ProgressNotice::finish).orElse(false);
    }
    Route to = progressShown ? replacing(route) : route;
    Delivery delivery = deliveries.deliver(asker, to, answer);
    if (answer instanceof Answer.Result result) {
      audits.delivered(result.audited(), delivery);
      afterDelivery.accept(delivery);
    }
  }

  /**
   * Returns the progress check of a job answered through its response URL, where the message it
   * replaces is the bot's own ("Looking up…", or the card a button was pressed on).
   */
  private Optional<ProgressNotice> notice(Route route, LookupProgress.Tracker progress) {
    if (progressTimer.isEmpty()
        || !(route instanceof Route.Private answer)
        || answer.sent() != Delivery.Way.RESPONSE_URL
        || answer.responseUrl().isEmpty()) {
      return Optional.empty();
    }
    String url = answer.responseUrl().get();
    try {
      return Optional.of(
          ProgressNotice.schedule(
              progressTimer.get(),
              PROGRESS_AFTER,
              progress,
              now -> replies.respond(url, Messages.progress(now.text()), Visibility.REPLACE)));
    } catch (RejectedExecutionException stopping) {
      // Shutting down: the answer still goes out, without a progress message before it.
      return Optional.empty();
    }
  }

  private static Route replacing(Route route) {
    return route instanceof Route.Private answer ? answer.replacing() : route;
  }

  /** Queues a lookup answered privately, watched for progress, its card drawn for the audience. */
  private boolean submitWatched(
      String event,
      Asker asker,
      Route route,
      ZoneId zone,
      Audience audience,
      Function<LookupProgress.Tracker, LookupOutcome> run) {
    return submitCounted(event, asker, route, zone, audience, run, true);
  }

  /**
   * Queues a lookup whose card, when it shows a failure, says the count of other customers is
   * coming and is replaced with it once counted: a private card through its response URL, a copy
   * for a channel or a direct message with {@code chat.update}. A count already made goes on the
   * card from the start; a card that cannot be replaced (an ephemeral message, which Slack cannot
   * update) says nothing of a count not made yet.
   */
  private boolean submitCounted(
      String event,
      Asker asker,
      Route route,
      ZoneId zone,
      Audience audience,
      Function<LookupProgress.Tracker, LookupOutcome> run,
      boolean watched) {
    AtomicReference<LookupOutcome> answered = new AtomicReference<>();
    Optional<String> replaceable = replaceableUrl(route, audience);
    // Messages the bot posts itself (a copy for a channel, a direct message) take chat.update.
    boolean updatable =
        route instanceof Route.Public
            || (route instanceof Route.Private alone
                && alone.sent() == Delivery.Way.DIRECT_MESSAGE);
    return submit(
        event,
        asker,
        route,
        progress -> {
          LookupOutcome outcome = run.apply(progress);
          return answer(
              event,
              asker,
              outcome,
              zone,
              audience,
              () -> {
                if (blastRadii.isEmpty() || BlastRadii.signature(outcome).isEmpty()) {
                  return Optional.empty();
                }
                Optional<BlastReport> known = knownCount(asker, outcome);
                if (known.isPresent() || (replaceable.isEmpty() && !updatable)) {
                  return known;
                }
                answered.set(outcome);
                return Optional.of(new BlastReport.Pending());
              });
        },
        watched,
        delivery -> {
          LookupOutcome outcome = answered.get();
          if (outcome == null) {
            return;
          }
          Optional<Consumer<BlastReport>> tell =
              countDelivery(asker, route, outcome, zone, audience, replaceable, delivery);
          if (tell.isEmpty()) {
            log.info("the card went {}, so the count cannot follow it", delivery.way().how());
            return;
          }
          countLater(asker, outcome, tell.get());
        });
  }

  /**
   * Returns how the count reaches the agent once made: the card replaced through the response URL
   * it went to, or with {@code chat.update} of the message the bot posted (a copy for everyone, or
   * a direct message). An ephemeral message cannot be replaced, so a card that fell back to one
   * gets the count as a short ephemeral message after it.
   */
  private Optional<Consumer<BlastReport>> countDelivery(
      Asker asker,
      Route route,
      LookupOutcome outcome,
      ZoneId zone,
      Audience audience,
      Optional<String> responseUrl,
      Delivery delivery) {
    Function<BlastReport, SlackMessage> card =
        report -> presenter.present(outcome, zone, audience, Optional.of(report));
    if (responseUrl.isPresent() && delivery.way() == Delivery.Way.RESPONSE_URL) {
      return Optional.of(
          report -> replies.respond(responseUrl.get(), card.apply(report), Visibility.REPLACE));
    }
    if (delivery.posted().isPresent()) {
      return Optional.of(report -> replies.update(delivery.posted().get(), card.apply(report)));
    }
    if (delivery.way() == Delivery.Way.EPHEMERAL) {
      String threadTs = route.privately().threadTs().orElse(null);
      return Optional.of(
          report ->
              replies.postEphemeral(
                  asker.channel(), threadTs, asker.user(), presenter.countFollowUp(report)));
    }
    return Optional.empty();
  }

  /**
   * Returns the count another lookup already made of this failure, audited, so the card carries it
   * at once: during an incident most agents ask about a failure already counted, and each would
   * otherwise see "counting…" and get the whole card drawn and posted a second time.
   */
  private Optional<BlastReport> knownCount(Asker asker, LookupOutcome outcome) {
    Optional<BlastReport> known = blastRadii.get().known(outcome);
    if (known.isEmpty()) {
      return known;
    }
    BlastRadii.TimeWindowBounds window = blastRadii.get().window(outcome.request());
    Audits.Audited audited = audits.blast(asker, outcome, window, known.get());
    // Not recorded: the card says the count is coming, and counting later audits it again.
    return audited.withholds() ? Optional.empty() : known;
  }

  /**
   * Returns the response URL a private card can later be replaced through: the card goes there
   * first, and only the asker reads it. A card for a channel, or one sent another way first, is not
   * replaced through it.
   */
  private static Optional<String> replaceableUrl(Route route, Audience audience) {
    if (audience.shared() || !(route instanceof Route.Private alone)) {
      return Optional.empty();
    }
    return alone.sent() == Delivery.Way.RESPONSE_URL ? alone.responseUrl() : Optional.empty();
  }

  /**
   * Counts the other customers with the card's featured failure, off this thread, and tells the
   * agent the count when it arrives: the agent never waits for it. A response URL takes five posts:
   * a progress message, the card and this update use at most three.
   */
  private void countLater(Asker asker, LookupOutcome outcome, Consumer<BlastReport> tell) {
    if (blastRadii.isEmpty()) {
      return;
    }
    Optional<CompletableFuture<BlastReport>> counting = blastRadii.get().count(outcome);
    if (counting.isEmpty()) {
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
              tell.accept(report);
            })
        .exceptionally(
            bug -> {
              log.error("replacing the card with the blast radius failed", bug);
              return null;
            });
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
    return submitCounted(
        event, asker, route, zone, audience, progress -> lookup.lookup(request, refresh), false);
  }

  /**
   * Audits the outcome and returns what the agent may see of it: the answer, with where the count
   * of other customers stands, or, when the audit log could not record it and fails closed, why it
   * is withheld. The count is asked for only once the lookup is on record, so that its own audit
   * line follows the lookup's.
   */
  private Answer answer(
      String event,
      Asker asker,
      LookupOutcome outcome,
      ZoneId zone,
      Audience audience,
      Supplier<Optional<BlastReport>> blast) {
    Audits.Audited audited = audits.lookup(event, asker, outcome, audience.shared());
    if (!audited.withholds() && !event.equals("share")) {
      finished.accept(asker.user(), outcome);
    }
    return audited.withholds()
        ? Answer.problem(Audits.WITHHELD)
        : new Answer.Result(
            presenter.present(outcome, zone, audience, blast.get()), audited.entry());
  }
}
