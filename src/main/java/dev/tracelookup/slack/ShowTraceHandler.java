package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;

/**
 * The "Show trace" button: its value is the trace ID, which is all that is needed to answer, so
 * any replica can serve it even after the cache has forgotten the lookup.
 */
final class ShowTraceHandler implements BlockActionHandler {
  private final AgentZoneReader zones;
  private final LookupRunner runner;

  ShowTraceHandler(AgentZoneReader zones, LookupRunner runner) {
    this.zones = zones;
    this.runner = runner;
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    String responseUrl = payload.getResponseUrl();
    if (responseUrl == null || payload.getActions() == null || payload.getActions().isEmpty()) {
      return ctx.ack();
    }
    String traceId = String.valueOf(payload.getActions().get(0).getValue());
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    if (!runner.submitTrace(Asker.of(payload), traceId, zone.zone(), responseUrl)) {
      runner.answerBusy(responseUrl);
    }
    return ctx.ack();
  }
}
