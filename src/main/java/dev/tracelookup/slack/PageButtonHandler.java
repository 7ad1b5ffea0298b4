package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.lookup.RequestTokens;
import java.util.Optional;

/**
 * The card's Previous and Next buttons. Their value is the lookup and the page to show, signed, so
 * any replica serves the press: from its cache when it has the page, else by reading it again. The
 * page replaces the card it was pressed on.
 */
final class PageButtonHandler implements BlockActionHandler {
  private final RequestTokens tokens;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final SlackReplies replies;

  PageButtonHandler(
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
    Optional<RequestTokens.PageButton> page = tokens.page(press.value());
    if (page.isEmpty()) {
      press.unreadable(replies, "a lookup", "Run `/trace-lookup` again.");
      return ctx.ack();
    }
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    boolean inThread =
        payload.getContainer() != null && payload.getContainer().getThreadTs() != null;
    if (!runner.submitPage(Asker.of(payload), page.get(), zone.zone(), responseUrl, inThread)) {
      runner.answerBusy(responseUrl);
    }
    return ctx.ack();
  }
}
