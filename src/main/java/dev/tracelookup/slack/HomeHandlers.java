package dev.tracelookup.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.handler.BoltEventHandler;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.Messages;
import java.util.Optional;

/**
 * What the Home tab answers: its opening ({@code app_home_opened}), which publishes it, and its
 * buttons. "Find traces" opens the lookup form; "Run again" runs a recent lookup from its signed
 * value. A Home tab has no channel and no response URL, so their answers come as direct messages
 * from the bot (the app's Messages tab).
 */
final class HomeHandlers {
  private final HomeTab home;
  private final RequestTokens tokens;
  private final AgentZoneReader zones;
  private final LookupRunner runner;
  private final SlackReplies replies;

  HomeHandlers(
      HomeTab home,
      RequestTokens tokens,
      AgentZoneReader zones,
      LookupRunner runner,
      SlackReplies replies) {
    this.home = home;
    this.tokens = tokens;
    this.zones = zones;
    this.runner = runner;
    this.replies = replies;
  }

  /** Publishes the Home tab when its agent opens it; the Messages tab publishes nothing. */
  BoltEventHandler<AppHomeOpenedEvent> opened() {
    return (EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) -> {
      AppHomeOpenedEvent event = payload.getEvent();
      if ("home".equals(event.getTab()) && event.getUser() != null) {
        home.opened(event.getUser(), Optional.ofNullable(event.getView()));
      }
      return ctx.ack();
    };
  }

  /** Opens the lookup form, blank but for the agent's zone; its answer comes as a message. */
  BlockActionHandler findTraces() {
    return (BlockActionRequest request, ActionContext ctx) -> {
      BlockActionPayload payload = request.getPayload();
      home.seen(payload.getUser().getId(), payload.getView());
      AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
      FormContext nowhere = new FormContext("", Optional.empty(), "", "");
      LookupModal.Prefill blank =
          new LookupModal.Prefill(
              "",
              "",
              "",
              "",
              zone.zone().getId(),
              "Your Slack zone",
              "The card comes as a message.");
      if (Modals.open(
              ctx.client(), payload.getTriggerId(), LookupModal.form(blank, nowhere.encode()))
          .isEmpty()) {
        replies.post(
            payload.getUser().getId(),
            null,
            Messages.failure("The form could not be opened. Press Find traces again."));
      }
      return ctx.ack();
    };
  }

  /** Runs a recent lookup again, past the cache, from the value its button carries. */
  BlockActionHandler runAgain() {
    return (BlockActionRequest request, ActionContext ctx) -> {
      BlockActionPayload payload = request.getPayload();
      String user = payload.getUser().getId();
      home.seen(user, payload.getView());
      Optional<LookupRequest> lookup =
          payload.getActions() == null || payload.getActions().isEmpty()
              ? Optional.empty()
              : tokens.decode(payload.getActions().get(0).getValue());
      if (lookup.isEmpty()) {
        replies.post(
            user,
            null,
            Messages.failure(
                "That button no longer carries a lookup I can read. Run `/trace-lookup` again."));
        return ctx.ack();
      }
      if (!runner.submitDirectLookup(Asker.of(payload), lookup.get(), zones.zoneOf(user).zone())) {
        replies.post(user, null, runner.busy());
      }
      return ctx.ack();
    };
  }
}
