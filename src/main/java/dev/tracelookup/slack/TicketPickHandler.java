package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.render.Messages;
import dev.tracelookup.slack.SlackReplies.Visibility;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import java.util.Optional;

/** A ticket picked from a message that linked several: opens the form for it. */
final class TicketPickHandler implements BlockActionHandler {
  private final TicketLinks links;
  private final TicketFlow flow;
  private final AgentZoneReader zones;
  private final SlackReplies replies;

  TicketPickHandler(
      TicketLinks links, TicketFlow flow, AgentZoneReader zones, SlackReplies replies) {
    this.links = links;
    this.flow = flow;
    this.zones = zones;
    this.replies = replies;
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    Optional<TicketPick> pick =
        payload.getActions() == null || payload.getActions().isEmpty()
            ? Optional.empty()
            : TicketPick.decode(payload.getActions().get(0).getValue());
    Optional<TicketLink> link = pick.flatMap(p -> links.parse(p.url()));
    if (link.isEmpty()) {
      replies.respond(
          payload.getResponseUrl(),
          Messages.failure(
              "That button no longer points at a ticket I can read."
                  + " Run Find traces on the message again."),
          Visibility.EPHEMERAL);
      return ctx.ack();
    }
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    if (!flow.open(
        ctx.client(),
        payload.getTriggerId(),
        link.get(),
        zone.zone(),
        Optional.empty(),
        pick.get().context())) {
      replies.respond(
          payload.getResponseUrl(),
          Messages.failure("The form could not be opened. Click the ticket again."),
          Visibility.EPHEMERAL);
    }
    return ctx.ack();
  }
}
