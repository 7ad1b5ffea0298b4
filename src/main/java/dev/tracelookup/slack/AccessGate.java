package dev.tracelookup.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.json.JsonMappers;
import dev.tracelookup.privacy.AccessPolicy;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The one place access is enforced: every payload that runs a lookup or shows its data (the
 * command, the shortcut, mentions, card and Home tab buttons, the lookup form, pasted trace links)
 * passes here before any handler. First the person must belong to the installing workspace or
 * organisation ({@link HomeTeams}), then to the access rules. A refused command is answered in its
 * ack; other refusals privately after it.
 */
final class AccessGate implements Middleware {
  private static final ObjectMapper JSON = JsonMappers.PLAIN;

  private final HomeTeams home;
  private final AccessPolicy policy;
  private final Deliveries deliveries;
  private final Audits audits;

  AccessGate(HomeTeams home, AccessPolicy policy, SlackReplies replies, Audits audits) {
    this.home = home;
    this.policy = policy;
    this.deliveries = new Deliveries(replies);
    this.audits = audits;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Gating gating = gating(req);
    if (gating instanceof Gating.Command command) {
      Optional<SlackMessage> refusal = refusal(command.asker(), command.origin());
      return refusal.isEmpty()
          ? chain.next(req)
          : Response.json(200, Map.of("response_type", "ephemeral", "text", refusal.get().text()));
    }
    if (gating instanceof Gating.Quiet quiet) {
      return refusal(quiet.asker(), quiet.origin()).isEmpty() ? chain.next(req) : Response.ok();
    }
    if (gating instanceof Gating.Interaction interaction) {
      Optional<SlackMessage> refusal = refusal(interaction.asker(), interaction.origin());
      if (refusal.isEmpty()) {
        return chain.next(req);
      }
      deliveries.privately(interaction.asker(), interaction.refusal(), refusal.get());
      return Response.ok();
    }
    return chain.next(req);
  }

  /** Returns why the asker is refused, audited as a denial, or empty when they may go on. */
  private Optional<SlackMessage> refusal(Asker asker, Origin origin) {
    Optional<HomeTeams.Refusal> elsewhere = home.refusal(origin);
    if (elsewhere.isPresent()) {
      audits.denied(asker, elsewhere.get().outcome());
      return Optional.of(Messages.failure(home.message(elsewhere.get())));
    }
    if (policy.open() || policy.allows(asker.user(), asker.channel())) {
      return Optional.empty();
    }
    audits.denied(asker);
    return Optional.of(Messages.failure(policy.refusal()));
  }

  private static Gating gating(Request<?> req) throws IOException {
    if (req instanceof SlashCommandRequest command) {
      var payload = command.getPayload();
      Origin origin = Origin.of(payload);
      return new Gating.Command(
          new Asker(payload.getUserId(), origin.team(), payload.getChannelId()), origin);
    }
    if (req instanceof BlockActionRequest action) {
      BlockActionPayload payload = action.getPayload();
      boolean linkOnly =
          payload.getActions() != null
              && payload.getActions().stream()
                  .allMatch(clicked -> ActionId.OPEN_TRACE.matches(clicked.getActionId()));
      if (linkOnly) {
        return new Gating.Unchecked();
      }
      boolean onHome = payload.getView() != null && "home".equals(payload.getView().getType());
      return onHome
          ? Gating.onHome(Asker.of(payload), Origin.of(payload))
          : Gating.answeredAt(Asker.of(payload), Origin.of(payload), payload.getResponseUrl());
    }
    if (req instanceof MessageShortcutRequest shortcut) {
      var payload = shortcut.getPayload();
      return Gating.answeredAt(Asker.of(payload), Origin.of(payload), payload.getResponseUrl());
    }
    if (req instanceof ViewSubmissionRequest submission) {
      return form(submission.getPayload());
    }
    if (req instanceof EventRequest event && "app_mention".equals(event.getEventType())) {
      JsonNode body = JSON.readTree(req.getRequestBodyAsString());
      JsonNode mention = body.path("event");
      String thread = mention.path("thread_ts").asText(mention.path("ts").asText(""));
      Origin origin = Origin.ofEvent(body);
      Asker asker =
          new Asker(
              mention.path("user").asText(null),
              origin.team(),
              mention.path("channel").asText(null));
      return Gating.inThread(asker, origin, thread);
    }
    if (req instanceof EventRequest event && "link_shared".equals(event.getEventType())) {
      JsonNode body = JSON.readTree(req.getRequestBodyAsString());
      JsonNode shared = body.path("event");
      Origin origin = Origin.ofEvent(body);
      return new Gating.Quiet(
          new Asker(
              shared.path("user").asText(null), origin.team(), shared.path("channel").asText(null)),
          origin);
    }
    return new Gating.Unchecked();
  }

  /** Only the lookup form is gated; its channel travels in the modal's metadata. */
  private static Gating form(ViewSubmissionPayload payload) {
    if (payload.getView() == null
        || !LookupModal.CALLBACK_ID.equals(payload.getView().getCallbackId())) {
      return new Gating.Unchecked();
    }
    Optional<FormContext> context = FormContext.decode(payload.getView().getPrivateMetadata());
    Origin origin = Origin.of(payload);
    Asker asker =
        new Asker(
            payload.getUser().getId(),
            origin.team(),
            context.map(FormContext::channelId).orElse(null));
    // Opened from the Home tab: no channel and no response URL to refuse through.
    boolean fromHome =
        context.isPresent()
            && context.get().channelId().isEmpty()
            && context.get().responseUrl().isEmpty();
    return fromHome
        ? Gating.onHome(asker, origin)
        : Gating.answeredAt(asker, origin, context.map(FormContext::responseUrl).orElse(null));
  }
}
