package dev.tracelookup.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /trace-lookup <user-id> [time] [options]}: reads the text, acks within Slack's 3 s with
 * what will be searched (or with help, which is then the final answer), and runs the lookup after.
 */
final class TraceCommandHandler implements SlashCommandHandler {
  private static final Logger log = LoggerFactory.getLogger(TraceCommandHandler.class);

  private final LookupRequestParser parser;
  private final TicketLinks links;
  private final TicketFlow flow;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final String usage;
  private final UserIdFingerprint fingerprints;

  TraceCommandHandler(
      LookupRequestParser parser,
      TicketLinks links,
      TicketFlow flow,
      AgentZoneReader zones,
      LookupRunner runner,
      String usage,
      UserIdFingerprint fingerprints) {
    this.fingerprints = fingerprints;
    this.links = links;
    this.flow = flow;
    this.usage = usage;
    this.parser = parser;
    this.zones = zones;
    this.runner = runner;
  }

  @Override
  public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload payload = request.getPayload();
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUserId());
    Optional<TicketLink> ticket = ticketLink(payload.getText());
    if (ticket.isPresent()) {
      FormContext context =
          new FormContext(payload.getChannelId(), Optional.empty(), payload.getResponseUrl(), "");
      return flow.open(
              ctx.client(),
              payload.getTriggerId(),
              ticket.get(),
              zone.zone(),
              Optional.empty(),
              context)
          ? ack(ctx, SlackMessage.plain("Reading " + ticket.get().reference() + "…"))
          : ack(ctx, Messages.failure("The form could not be opened. Run the command again."));
    }
    ParseResult parsed = parser.parse(payload.getText(), zone.zone(), zone.dateOrder());
    if (parsed instanceof ParseResult.HelpRequested) {
      return ack(ctx, Messages.help(usage));
    }
    if (parsed instanceof ParseResult.Invalid invalid && invalid.guess().isPresent()) {
      FormContext context =
          new FormContext(payload.getChannelId(), Optional.empty(), payload.getResponseUrl(), "");
      return ack(ctx, FormOffer.answer(invalid, zone.zone(), context));
    }
    if (parsed instanceof ParseResult.Invalid invalid) {
      return ack(ctx, Messages.help(invalid.problem(), invalid.understood(), usage));
    }
    LookupRequest lookup = ((ParseResult.Parsed) parsed).request();
    if (!runner.submitLookup(
        new Asker(payload.getUserId(), payload.getTeamId(), payload.getChannelId()),
        lookup,
        zone.zone(),
        payload.getResponseUrl(),
        Audience.agent(false))) {
      log.warn("lookup refused: the lookup queue is full");
      return ack(ctx, runner.busy());
    }
    log.info(
        "lookup queued for user={} by slack user {}",
        fingerprints.of(lookup.userId()),
        payload.getUserId());
    return ack(
        ctx,
        zone.withNote(
            Messages.searching(
                lookup.userId(),
                lookup.window().from(),
                lookup.window().to(),
                zone.zone(),
                lookup.window().basis(),
                lookup.filtersDescription())));
  }

  /**
   * Returns the ticket when the text is a ticket link and nothing else ({@code /trace-lookup
   * <url>}).
   */
  private Optional<TicketLink> ticketLink(String text) {
    if (text == null || text.isBlank() || text.trim().contains(" ")) {
      return Optional.empty();
    }
    List<TicketLink> found = links.find(text.trim());
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  private static Response ack(SlashCommandContext ctx, SlackMessage message) {
    return ctx.ack(
        r ->
            r.responseType("ephemeral")
                .text(message.text())
                .blocks(message.blocks().isEmpty() ? null : message.blocks()));
  }
}
