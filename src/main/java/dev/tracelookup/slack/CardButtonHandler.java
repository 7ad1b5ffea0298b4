package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import java.util.Optional;

/**
 * The card's Share and Refresh buttons. Their value is the whole lookup, so the click is served
 * from the value alone; a value that does not decode (tampered, or from an older bot) gets a clear
 * answer instead of silence.
 */
final class CardButtonHandler implements BlockActionHandler {
  /** What a click does once the lookup is known. */
  enum Kind {
    SHARE,
    REFRESH
  }

  private final Kind kind;
  private final RequestTokens tokens;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final SlackReplies replies;

  CardButtonHandler(
      Kind kind,
      RequestTokens tokens,
      AgentZoneReader zones,
      LookupRunner runner,
      SlackReplies replies) {
    this.kind = kind;
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
    Optional<LookupRequest> lookup = tokens.decode(press.value());
    if (lookup.isEmpty()) {
      press.unreadable(replies, "a lookup", "Run `/trace-lookup` again.");
      return ctx.ack();
    }
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    if (!submit(payload, lookup.get(), zone, responseUrl)) {
      runner.answerBusy(responseUrl);
    }
    return ctx.ack();
  }

  private boolean submit(
      BlockActionPayload payload,
      LookupRequest lookup,
      AgentZoneReader.AgentZone zone,
      String responseUrl) {
    String threadTs = payload.getContainer() == null ? null : payload.getContainer().getThreadTs();
    if (kind == Kind.REFRESH) {
      return runner.submitRefresh(
          Asker.of(payload), lookup, zone.zone(), responseUrl, threadTs != null);
    }
    String channelId =
        payload.getContainer() != null && payload.getContainer().getChannelId() != null
            ? payload.getContainer().getChannelId()
            : payload.getChannel().getId();
    // A shared copy is read by the whole channel: times in UTC, which every reader can convert.
    String channelName = payload.getChannel() == null ? null : payload.getChannel().getName();
    return runner.submitShare(
        Asker.of(payload),
        lookup,
        java.time.ZoneOffset.UTC,
        new LookupRunner.Share(
            channelId,
            threadTs,
            payload.getUser().getId(),
            responseUrl,
            ShareErrors.isDirectMessage(channelId, channelName)));
  }
}
