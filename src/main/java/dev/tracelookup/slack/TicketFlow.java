package dev.tracelookup.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.tickets.ResolveResult;
import dev.tracelookup.tickets.TicketResolution;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.time.DurationFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From a ticket link to the confirmation form: opens the modal at once (the trigger lives 3 s),
 * resolves the ticket on the lookup executor, then fills the form in with what the ticket said and
 * where each value came from. A ticket that cannot be read still ends in the form, with the reason,
 * so the agent can type the values instead.
 */
final class TicketFlow {
  private static final Logger log = LoggerFactory.getLogger(TicketFlow.class);
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final TicketResolver resolver;
  private final TicketWindow window;
  private final LookupJobs jobs;

  TicketFlow(TicketResolver resolver, TicketWindow window, LookupJobs jobs) {
    this.resolver = resolver;
    this.window = window;
    this.jobs = jobs;
  }

  /** What the message around the link said, for a time stated there rather than in the ticket. */
  record Message(String text, Instant postedAt) {}

  /** Opens the form for the link; returns false when Slack refused to open the modal. */
  boolean open(
      MethodsClient client,
      String triggerId,
      TicketLink link,
      ZoneId agentZone,
      Optional<Message> message,
      FormContext context) {
    Optional<String> viewId =
        Modals.open(client, triggerId, LookupModal.resolving(link.reference()));
    if (viewId.isEmpty()) {
      return false;
    }
    FormContext withTicket =
        new FormContext(
            context.channelId(),
            context.threadTs(),
            context.responseUrl(),
            link.reference(),
            Optional.of(link.url()));
    Runnable fill =
        () -> Modals.update(client, viewId.get(), form(link, agentZone, message, withTicket));
    if (!jobs.trySubmit(fill)) {
      Modals.update(
          client,
          viewId.get(),
          LookupModal.form(
              blank(
                  agentZone,
                  "The bot is busy, so "
                      + link.reference()
                      + " was not read. Type the values, or try again in a minute."),
              withTicket.encode()));
    }
    return true;
  }

  private View form(
      TicketLink link, ZoneId agentZone, Optional<Message> message, FormContext context) {
    ResolveResult result;
    try {
      result = resolver.resolve(link, agentZone);
    } catch (RuntimeException bug) {
      log.error("resolving a ticket failed unexpectedly", bug);
      return LookupModal.form(
          blank(
              agentZone,
              "Something went wrong reading "
                  + link.reference()
                  + ". Type the user ID and time instead."),
          context.encode());
    }
    if (result instanceof ResolveResult.Failed failed) {
      return LookupModal.form(blank(agentZone, failed.failure().message()), context.encode());
    }
    TicketResolution resolution = ((ResolveResult.Resolved) result).resolution();
    if (message.isPresent()) {
      resolution =
          resolution.orMessageTime(
              message.get().text(), message.get().postedAt(), agentZone, window);
    }
    return LookupModal.form(prefill(resolution, agentZone, window), context.encode());
  }

  static LookupModal.Prefill prefill(
      TicketResolution resolution, ZoneId agentZone, TicketWindow window) {
    ZoneId zone = resolution.requesterZone().orElse(agentZone);
    String where = "from " + resolution.reference();
    String userSource = resolution.userIdSource().orElse(where);
    String note =
        resolution.userId().isPresent()
            ? "Read from " + resolution.reference() + ": check, then Find traces."
            : "No user ID in "
                + resolution.reference()
                + ": type the customer's ID (their account page shows it).";
    // The margins are the configured ones (tickets.window.*), said as the command's replies say
    // them.
    String whenSource =
        resolution
            .statedTimeSource()
            .map(s -> "Stated in " + s)
            .orElse(
                "From "
                    + DurationFormat.prose(window.beforeCreated())
                    + " before "
                    + resolution.reference()
                    + " was created to "
                    + DurationFormat.prose(window.afterCreated())
                    + " after");
    return new LookupModal.Prefill(
        resolution.userId().orElse(""),
        userSource,
        range(resolution.from(), resolution.to(), zone),
        whenSource,
        zone.getId(),
        resolution.requesterZone().isPresent()
            ? "The requester's zone, " + where
            : "Your Slack zone",
        note);
  }

  /** Returns the window as the parser reads it: {@code 2026-02-06 09:00-09:30} in the zone. */
  static String range(Instant from, Instant to, ZoneId zone) {
    ZonedDateTime start = from.atZone(zone);
    ZonedDateTime end = to.atZone(zone);
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return DAY_TIME.format(start) + "-" + TIME.format(end);
    }
    return from + ".." + to;
  }

  private static LookupModal.Prefill blank(ZoneId agentZone, String note) {
    return new LookupModal.Prefill("", "", "", "", agentZone.getId(), "Your Slack zone", note);
  }
}
