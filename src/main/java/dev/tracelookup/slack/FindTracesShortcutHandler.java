package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.tracelookup.command.LookupRequestParser;
import dev.tracelookup.command.ParseResult;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.TicketPicker;
import dev.tracelookup.slack.SlackReplies.Visibility;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.links.TicketLinks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The "Find traces" message shortcut. A message with a ticket link opens the confirmation form,
 * prefilled from the ticket (several links: the agent picks one first); a message without one is
 * read for a user ID and time itself ("usr_k8x9m2 2:15pm"). It works in threads, where slash
 * commands cannot run, and answers there.
 */
final class FindTracesShortcutHandler implements MessageShortcutHandler {
  private final LookupRequestParser parser;
  private final TicketLinks links;
  private final TicketFlow flow;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final SlackReplies replies;
  private final String usage;

  FindTracesShortcutHandler(
      LookupRequestParser parser,
      TicketLinks links,
      TicketFlow flow,
      AgentZoneReader zones,
      LookupRunner runner,
      SlackReplies replies,
      String usage) {
    this.parser = parser;
    this.links = links;
    this.flow = flow;
    this.zones = zones;
    this.runner = runner;
    this.replies = replies;
    this.usage = usage;
  }

  @Override
  public Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
    MessageShortcutPayload payload = request.getPayload();
    Message message = payload.getMessage() == null ? new Message() : payload.getMessage();
    String text = message.getText() == null ? "" : message.getText();
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    FormContext context =
        new FormContext(
            payload.getChannel().getId(),
            Optional.ofNullable(message.getThreadTs()),
            payload.getResponseUrl(),
            "");
    List<TicketLink> found =
        links.findInMessage(
            text,
            message.getBlocks() == null ? List.of() : message.getBlocks(),
            message.getAttachments());
    if (found.size() == 1) {
      Optional<TicketFlow.Message> words =
          postedAt(message.getTs()).map(at -> new TicketFlow.Message(text, at));
      if (!flow.open(
          ctx.client(), payload.getTriggerId(), found.get(0), zone.zone(), words, context)) {
        replies.respond(
            payload.getResponseUrl(),
            Messages.failure("The form could not be opened. Run Find traces again."),
            Visibility.EPHEMERAL);
      }
    } else if (found.size() > 1) {
      replies.respond(
          payload.getResponseUrl(),
          TicketPicker.message(
              found.stream()
                  .map(
                      link ->
                          new TicketPicker.Choice(
                              link.reference(), new TicketPick(link.url(), context).encode()))
                  .collect(Collectors.toList())),
          Visibility.EPHEMERAL);
    } else {
      lookupFromWords(Asker.of(payload), MessageWords.of(message), zone, context);
    }
    return ctx.ack();
  }

  private void lookupFromWords(
      Asker asker, String text, AgentZoneReader.AgentZone zone, FormContext context) {
    ParseResult parsed = parser.parse(text, zone.zone(), zone.dateOrder());
    if (parsed instanceof ParseResult.Parsed valid) {
      LookupRequest lookup = valid.request();
      if (!runner.submitLookup(
          asker,
          lookup,
          zone.zone(),
          context.responseUrl(),
          Audience.agent(context.threadTs().isPresent()))) {
        runner.answerBusy(context.responseUrl());
      }
      return;
    }
    if (parsed instanceof ParseResult.Invalid invalid && invalid.guess().isPresent()) {
      replies.respond(
          context.responseUrl(),
          FormOffer.answer(invalid, zone.zone(), context),
          Visibility.EPHEMERAL);
      return;
    }
    String problem =
        "That message has no ticket link, and no user ID and time I could read"
            + (parsed instanceof ParseResult.Invalid invalid ? ": " + invalid.problem() : ".");
    replies.respond(context.responseUrl(), Messages.help(problem, "", usage), Visibility.EPHEMERAL);
  }

  /** Returns when the message was posted, from its Slack {@code ts} ("1700000000.000100"). */
  private static Optional<Instant> postedAt(String ts) {
    try {
      return Optional.of(Instant.ofEpochSecond(new BigDecimal(ts).longValue()));
    } catch (RuntimeException notATimestamp) {
      return Optional.empty();
    }
  }
}
