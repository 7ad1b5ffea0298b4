package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.BlastReport;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.NoteTaker;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.SlackReplies.Visibility;
import dev.tracelookup.tickets.NoteResult;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Add note to ticket": acks at once, then, on the lookup executor, writes the card's finding into
 * the ticket as an internal note and tells the agent privately how it went. The button's value is
 * the ticket and the lookup, signed, so any replica serves the press; the note's marker keeps a
 * second press, a double click or Slack's retry from writing it twice.
 */
final class NoteButtonHandler implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(NoteButtonHandler.class);

  private final NoteTaker notes;
  private final RequestTokens tokens;
  private final TicketLinks links;
  private final LookupJobs jobs;
  private final SlackReplies replies;
  private final Audits audits;
  private final Optional<TraceLookup> lookup;
  private final Optional<BlastRadii> blastRadii;

  NoteButtonHandler(
      NoteTaker notes,
      RequestTokens tokens,
      TicketLinks links,
      LookupJobs jobs,
      SlackReplies replies,
      Audits audits) {
    this(notes, tokens, links, jobs, replies, audits, Optional.empty(), Optional.empty());
  }

  /**
   * @param lookup the card's lookup, from the cache, whose featured failure is counted
   * @param blastRadii counts the other customers with that failure for the note, from the count the
   *     card was updated with when it is still cached
   */
  NoteButtonHandler(
      NoteTaker notes,
      RequestTokens tokens,
      TicketLinks links,
      LookupJobs jobs,
      SlackReplies replies,
      Audits audits,
      Optional<TraceLookup> lookup,
      Optional<BlastRadii> blastRadii) {
    this.lookup = lookup;
    this.blastRadii = blastRadii;
    this.notes = notes;
    this.tokens = tokens;
    this.links = links;
    this.jobs = jobs;
    this.replies = replies;
    this.audits = audits;
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext ctx) {
    Optional<ButtonPress> pressed = ButtonPress.of(request.getPayload());
    if (pressed.isEmpty()) {
      return ctx.ack();
    }
    ButtonPress press = pressed.get();
    BlockActionPayload payload = press.payload();
    String responseUrl = press.responseUrl();
    Optional<RequestTokens.NoteButton> button = tokens.note(press.value());
    Optional<TicketLink> link = button.flatMap(b -> links.parse(b.ticketUrl()));
    if (link.isEmpty()) {
      press.unreadable(
          replies,
          "a ticket and lookup",
          "Run Find traces on the ticket again. Nothing was written.");
      return ctx.ack();
    }
    Asker asker = Asker.of(payload);
    if (!jobs.trySubmit(() -> note(asker, button.get(), link.get(), responseUrl))) {
      replies.respond(responseUrl, Messages.busy(), Visibility.EPHEMERAL);
    }
    return ctx.ack();
  }

  private void note(
      Asker asker, RequestTokens.NoteButton button, TicketLink link, String responseUrl) {
    replies.respond(responseUrl, answer(asker, button, link), Visibility.EPHEMERAL);
  }

  private SlackMessage answer(Asker asker, RequestTokens.NoteButton button, TicketLink link) {
    if (audits.note(asker, button.request(), 0, "requested").withholds()) {
      return Messages.failure(
          Audits.WITHHELD + " Nothing was written to " + link.reference() + ".");
    }
    NoteTaker.Noted noted;
    try {
      noted = notes.note(button.request(), link, blastRadius(asker, button.request()));
    } catch (RuntimeException bug) {
      log.error("adding a ticket note failed unexpectedly", bug);
      audits.note(asker, button.request(), 0, "failed");
      return Messages.failure(
          "Something went wrong inside trace-lookup while adding the note to "
              + link.reference()
              + ". Press again: the bot looks for its note first, so it is never added twice.");
    }
    NoteResult result = noted.result();
    audits.note(asker, button.request(), count(noted.outcome()), outcome(result));
    return result instanceof NoteResult.Written || result instanceof NoteResult.AlreadyNoted
        ? Messages.notice(result.message())
        : Messages.failure(result.message());
  }

  /** Returns the card's count of other customers with the same failure, counts only. */
  private Optional<String> blastRadius(Asker asker, LookupRequest request) {
    if (lookup.isEmpty() || blastRadii.isEmpty()) {
      return Optional.empty();
    }
    LookupOutcome outcome = lookup.get().lookup(request, false);
    Optional<BlastReport> report = blastRadii.get().countNow(outcome);
    if (report.isEmpty()) {
      return Optional.empty();
    }
    audits.blast(asker, outcome, blastRadii.get().window(request), report.get());
    return report
        .filter(BlastReport.Counted.class::isInstance)
        .map(counted -> ((BlastReport.Counted) counted).radius().line());
  }

  private static int count(LookupOutcome outcome) {
    return outcome instanceof LookupOutcome.Found found ? found.traces().size() : 0;
  }

  private static String outcome(NoteResult result) {
    if (result instanceof NoteResult.Written) {
      return "written";
    }
    if (result instanceof NoteResult.AlreadyNoted) {
      return "already_noted";
    }
    return result instanceof NoteResult.Skipped ? "skipped" : "failed";
  }
}
