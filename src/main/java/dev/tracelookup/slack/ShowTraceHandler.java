package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.lookup.RequestTokens;
import java.util.Optional;

/**
 * The "Show trace" button: its value is the trace ID, signed with the fingerprint of the customer
 * whose card it is on, which is all that is needed to answer and audit it, so any replica can serve
 * it even after the cache has forgotten the lookup.
 */
final class ShowTraceHandler implements BlockActionHandler {
  private final RequestTokens tokens;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final SlackReplies replies;

  ShowTraceHandler(
      RequestTokens tokens, AgentZoneReader zones, LookupRunner runner, SlackReplies replies) {
    this.tokens = tokens;
    this.zones = zones;
    this.runner = runner;
    this.replies = replies;
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
    Optional<RequestTokens.TraceButton> button = tokens.trace(press.value());
    if (button.isEmpty()) {
      press.unreadable(replies, "a trace", "Run `/trace-lookup` again.");
      return ctx.ack();
    }
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    if (!runner.submitTrace(Asker.of(payload), button.get(), zone.zone(), responseUrl)) {
      runner.answerBusy(responseUrl);
    }
    return ctx.ack();
  }
}
