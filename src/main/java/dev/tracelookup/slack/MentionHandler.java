package dev.tracelookup.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import com.slack.api.model.event.AppMentionEvent;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.render.Messages;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketResolution;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import dev.tracelookup.time.DateOrder;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * {@code @trace-lookup usr_k8x9m2 2:15pm} or {@code @trace-lookup <ticket link>} in an escalation
 * thread: answers in that thread with a channel-safe card (everyone in the thread reads it, so the
 * customer is named by fingerprint). A mention that names no customer ("@trace-lookup can you check
 * this?") reads the thread's first message instead, where the ticket usually is. Problems go to the
 * asker alone.
 */
final class MentionHandler implements BoltEventHandler<AppMentionEvent> {
  private final LookupRequestParser parser;
  private final TicketLinks links;
  private final TicketResolver tickets;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final LookupJobs jobs;
  private final SlackReplies replies;

  MentionHandler(
      LookupRequestParser parser,
      TicketLinks links,
      TicketResolver tickets,
      AgentZoneReader zones,
      LookupRunner runner,
      LookupJobs jobs,
      SlackReplies replies) {
    this.parser = parser;
    this.links = links;
    this.tickets = tickets;
    this.zones = zones;
    this.runner = runner;
    this.jobs = jobs;
    this.replies = replies;
  }

  @Override
  public Response apply(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event == null || event.getUser() == null || event.getChannel() == null) {
      return ctx.ack();
    }
    // Retries are not dropped here: EventDeliveries lets through only those whose first delivery
    // was never handled, so a mention made during a deploy is still answered.
    String text =
        event.getText() == null
            ? ""
            : event.getText().replaceAll("<@[A-Z0-9]+(\\|[^>]*)?>", " ").trim();
    Thread thread =
        new Thread(
            event.getChannel(),
            event.getThreadTs() != null ? event.getThreadTs() : event.getTs(),
            event.getUser(),
            personTeam(event, payload.getTeamId()));
    AgentZoneReader.AgentZone agent = zones.zoneOf(event.getUser());
    ZoneId zone = agent.zone();
    Optional<DateOrder> order = agent.dateOrder();
    List<TicketLink> found = links.find(text);
    boolean queued;
    if (!found.isEmpty()) {
      queued = jobs.trySubmit(() -> fromTicket(found.get(0), zone, thread));
    } else {
      ParseResult parsed =
          text.isBlank() ? new ParseResult.Invalid("", "") : parser.parse(text, zone, order);
      boolean inThread = event.getThreadTs() != null && !event.getThreadTs().equals(event.getTs());
      if (inThread && namesNoCustomer(parsed)) {
        MethodsClient client = ctx.client();
        queued =
            jobs.trySubmit(
                () ->
                    fromParent(
                        client, event.getThreadTs(), guessedTime(parsed), zone, order, thread));
      } else {
        queued = fromWords(parsed, zone, thread);
      }
    }
    if (!queued) {
      replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), runner.busy());
    }
    return ctx.ack();
  }

  /** Returns the asker's own team: in a shared channel not the one the event was delivered to. */
  private static String personTeam(AppMentionEvent event, String deliveredTo) {
    if (event.getUserTeam() != null && !event.getUserTeam().isBlank()) {
      return event.getUserTeam();
    }
    return event.getTeam() != null && !event.getTeam().isBlank() ? event.getTeam() : deliveredTo;
  }

  /** Where the answer goes: the thread of the mention, and who asked from which workspace. */
  record Thread(String channel, String ts, String asker, String team) {}

  /**
   * Returns whether the mention names no customer ("@trace-lookup can you check this?", or the
   * mention alone), so the thread's first message is where to look.
   */
  private static boolean namesNoCustomer(ParseResult parsed) {
    if (!(parsed instanceof ParseResult.Invalid invalid)) {
      return false;
    }
    return invalid.guess().map(g -> g.userId().isEmpty()).orElse(true);
  }

  /** Returns the time the mention itself gave ("@trace-lookup around 2:15pm?"), if any. */
  private static Optional<String> guessedTime(ParseResult parsed) {
    return parsed instanceof ParseResult.Invalid invalid
        ? invalid.guess().map(ParseResult.Guess::when).filter(w -> !w.isEmpty())
        : Optional.empty();
  }

  /**
   * Reads the thread's first message, where an escalation names the ticket or the customer, and
   * looks up what it names; a time given in the mention wins over one in the message.
   */
  private void fromParent(
      MethodsClient client,
      String parentTs,
      Optional<String> when,
      ZoneId zone,
      Optional<DateOrder> order,
      Thread thread) {
    ThreadParent.Read read = ThreadParent.read(client, thread.channel(), parentTs);
    if (read instanceof ThreadParent.Refused refused) {
      replies.postEphemeral(
          thread.channel(), thread.ts(), thread.asker(), Messages.failure(refused.explanation()));
      return;
    }
    Message parent = ((ThreadParent.Found) read).message();
    String parentText = parent.getText() == null ? "" : parent.getText();
    List<TicketLink> found =
        links.findInMessage(parentText, parent.getBlocks(), parent.getAttachments());
    if (!found.isEmpty()) {
      fromTicket(found.get(0), zone, thread);
      return;
    }
    ParseResult parsed = parser.parse(MessageWords.of(parent), zone, order);
    Optional<String> userId = userId(parsed);
    if (when.isPresent() && userId.isPresent()) {
      parsed = parser.parse(userId.get() + " " + when.get(), zone, order);
    }
    if (parsed instanceof ParseResult.Parsed valid) {
      if (!runner.submitThreadLookup(valid.request(), thread)) {
        replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), runner.busy());
      }
    } else if (parsed instanceof ParseResult.Invalid invalid && invalid.guess().isPresent()) {
      answerUnsure(invalid, zone, thread);
    } else {
      replies.postEphemeral(
          thread.channel(),
          thread.ts(),
          thread.asker(),
          Messages.help(
              "I found no ticket link or user ID in this thread's first message. Mention me with"
                  + " them: `@trace-lookup usr_k8x9m2 2:15pm`.",
              "",
              ""));
    }
  }

  private static Optional<String> userId(ParseResult parsed) {
    if (parsed instanceof ParseResult.Parsed valid) {
      return Optional.of(valid.request().userId());
    }
    return parsed instanceof ParseResult.Invalid invalid
        ? invalid.guess().map(ParseResult.Guess::userId).filter(id -> !id.isEmpty())
        : Optional.empty();
  }

  private void answerUnsure(ParseResult.Invalid invalid, ZoneId zone, Thread thread) {
    FormContext context = new FormContext(thread.channel(), Optional.of(thread.ts()), "", "");
    replies.postEphemeral(
        thread.channel(), thread.ts(), thread.asker(), FormOffer.answer(invalid, zone, context));
  }

  private boolean fromWords(ParseResult parsed, ZoneId zone, Thread thread) {
    if (parsed instanceof ParseResult.Parsed valid) {
      return runner.submitThreadLookup(valid.request(), thread);
    }
    if (parsed instanceof ParseResult.Invalid invalid && invalid.guess().isPresent()) {
      answerUnsure(invalid, zone, thread);
      return true;
    }
    String problem =
        parsed instanceof ParseResult.Invalid invalid && !invalid.problem().isEmpty()
            ? invalid.problem()
            : "Mention me with a user ID and a time, or a ticket link: `@trace-lookup usr_k8x9m2"
                + " 2:15pm`.";
    replies.postEphemeral(
        thread.channel(), thread.ts(), thread.asker(), Messages.help(problem, "", ""));
    return true;
  }

  private void fromTicket(TicketLink link, ZoneId zone, Thread thread) {
    ResolveResult result = tickets.resolve(link, zone);
    if (result instanceof ResolveResult.Failed failed) {
      replies.postEphemeral(
          thread.channel(),
          thread.ts(),
          thread.asker(),
          Messages.failure(failed.failure().message()));
      return;
    }
    TicketResolution resolution = ((ResolveResult.Resolved) result).resolution();
    Optional<String> userId = resolution.userId();
    if (userId.isEmpty()) {
      replies.postEphemeral(
          thread.channel(),
          thread.ts(),
          thread.asker(),
          Messages.failure(
              resolution.reference()
                  + " has no user ID I can read. Run the Find traces shortcut on the message to"
                  + " type it."));
      return;
    }
    // Without a stated time, the customer wrote the ticket soon after: nearest that comes first.
    TimeWindow window =
        new TimeWindow(
            resolution.from(),
            resolution.to(),
            resolution.requesterZone().orElse(zone),
            "from " + resolution.reference(),
            resolution.statedTime().or(() -> Optional.of(resolution.createdAt())));
    LookupRequest request =
        new LookupRequest(userId.get(), window, Optional.empty(), Optional.empty(), false);
    if (!runner.submitThreadLookup(request, thread)) {
      // Already on a lookup thread: a full queue must still get its one answer.
      replies.postEphemeral(thread.channel(), thread.ts(), thread.asker(), runner.busy());
    }
  }
}
