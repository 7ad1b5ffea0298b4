package dev.tracelookup.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.response.Response;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * {@code @trace-lookup usr_k8x9m2 2:15pm} or {@code @trace-lookup <ticket link>} in an escalation
 * thread: answers in that thread with a channel-safe card (everyone in the thread reads it, so the
 * customer is named by fingerprint). Problems go to the asker alone.
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
    ZoneId zone = zones.zoneOf(event.getUser()).zone();
    List<TicketLink> found = links.find(text);
    boolean queued =
        found.isEmpty()
            ? fromWords(text, zone, thread)
            : jobs.trySubmit(() -> fromTicket(found.get(0), zone, thread));
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

  private boolean fromWords(String text, ZoneId zone, Thread thread) {
    ParseResult parsed = parser.parse(text, zone);
    if (parsed instanceof ParseResult.Parsed valid) {
      return runner.submitThreadLookup(valid.request(), thread);
    }
    String problem =
        parsed instanceof ParseResult.Invalid invalid
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
    runner.submitThreadLookup(
        new LookupRequest(userId.get(), window, Optional.empty(), Optional.empty(), false), thread);
  }
}
