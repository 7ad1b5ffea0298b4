package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.MessageShortcutPayload;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.handler.builtin.MessageShortcutHandler;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.lookup.Audience;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.LookupRequestParser;
import dev.tracelookup.lookup.ParseResult;
import dev.tracelookup.render.Messages;

/**
 * The "Find traces" message shortcut: reads a user ID and time written in the message itself
 * ("usr_k8x9m2 2:15pm") and answers with the card, privately. It works in threads, where slash
 * commands cannot run.
 */
final class FindTracesShortcutHandler implements MessageShortcutHandler {
  private final LookupRequestParser parser;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final SlackReplies replies;
  private final String usage;

  FindTracesShortcutHandler(LookupRequestParser parser, AgentZoneReader zones, LookupRunner runner, SlackReplies replies,
      String usage) {
    this.usage = usage;
    this.parser = parser;
    this.zones = zones;
    this.runner = runner;
    this.replies = replies;
  }

  @Override
  public Response apply(MessageShortcutRequest request, MessageShortcutContext ctx) {
    MessageShortcutPayload payload = request.getPayload();
    String responseUrl = payload.getResponseUrl();
    String text = payload.getMessage() == null || payload.getMessage().getText() == null ? "" : payload.getMessage().getText();
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    ParseResult parsed = parser.parse(text, zone.zone());
    if (parsed instanceof ParseResult.Parsed) {
      LookupRequest lookup = ((ParseResult.Parsed) parsed).request();
      if (!runner.submitLookup(lookup, zone.zone(), responseUrl,
          Audience.agent(payload.getMessage() != null && payload.getMessage().getThreadTs() != null))) {
        runner.answerBusy(responseUrl);
      }
      return ctx.ack();
    }
    String problem = parsed instanceof ParseResult.Invalid
        ? "I could not find a user ID and time in that message: " + ((ParseResult.Invalid) parsed).problem()
        : "That message has no user ID to look up.";
    replies.respond(responseUrl, Messages.help(problem, "", usage), SlackReplies.Visibility.EPHEMERAL);
    return ctx.ack();
  }
}
