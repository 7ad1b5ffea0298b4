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
import dev.tracelookup.privacy.AccessPolicy;
import dev.tracelookup.render.ActionId;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.SlackMessage;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * The one place access is enforced: every payload that runs a lookup or shows its data (the
 * command, the shortcut, mentions, card buttons, the lookup form) passes here before any handler.
 * First the person must belong to the installing workspace or organisation ({@link HomeTeams}),
 * then to the access rules. A refused command is answered in its ack; other refusals privately
 * after it.
 */
final class AccessGate implements Middleware {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HomeTeams home;
  private final AccessPolicy policy;
  private final SlackReplies replies;
  private final Audits audits;

  AccessGate(HomeTeams home, AccessPolicy policy, SlackReplies replies, Audits audits) {
    this.home = home;
    this.policy = policy;
    this.replies = replies;
    this.audits = audits;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Gated gated = gated(req);
    if (gated == null) {
      return chain.next(req);
    }
    Optional<HomeTeams.Refusal> elsewhere = home.refusal(gated.origin());
    if (elsewhere.isPresent()) {
      audits.denied(gated.asker(), elsewhere.get().outcome());
      return refuse(req, gated, Messages.failure(home.message(elsewhere.get())));
    }
    if (policy.open() || policy.allows(gated.asker().user(), gated.asker().channel())) {
      return chain.next(req);
    }
    audits.denied(gated.asker());
    return refuse(req, gated, Messages.failure(policy.refusal()));
  }

  private Response refuse(Request<?> req, Gated gated, SlackMessage refusal) {
    if (req instanceof SlashCommandRequest) {
      return Response.json(200, Map.of("response_type", "ephemeral", "text", refusal.text()));
    }
    if (gated.responseUrl() != null) {
      replies.respond(gated.responseUrl(), refusal, Visibility.EPHEMERAL);
    } else if (gated.thread() != null) {
      replies.postEphemeral(gated.asker().channel(), gated.thread(), gated.asker().user(), refusal);
    }
    return Response.ok();
  }

  /**
   * Who asked, from which workspace and organisation, and how to answer them; null for payloads
   * that neither look up nor show data.
   */
  private record Gated(Asker asker, Origin origin, String responseUrl, String thread) {}

  private static Gated gated(Request<?> req) throws IOException {
    if (req instanceof SlashCommandRequest) {
      var payload = ((SlashCommandRequest) req).getPayload();
      Origin origin = Origin.of(payload);
      return new Gated(new Asker(payload.getUserId(), origin.team(), payload.getChannelId()), origin, null, null);
    }
    if (req instanceof BlockActionRequest) {
      BlockActionPayload payload = ((BlockActionRequest) req).getPayload();
      boolean linkOnly = payload.getActions() != null && payload.getActions().stream()
          .allMatch(action -> ActionId.OPEN_TRACE.matches(action.getActionId()));
      return linkOnly ? null : new Gated(Asker.of(payload), Origin.of(payload), payload.getResponseUrl(), null);
    }
    if (req instanceof MessageShortcutRequest) {
      var payload = ((MessageShortcutRequest) req).getPayload();
      return new Gated(Asker.of(payload), Origin.of(payload), payload.getResponseUrl(), null);
    }
    if (req instanceof ViewSubmissionRequest) {
      return form(((ViewSubmissionRequest) req).getPayload());
    }
    if (req instanceof EventRequest && "app_mention".equals(((EventRequest) req).getEventType())) {
      JsonNode body = JSON.readTree(req.getRequestBodyAsString());
      JsonNode event = body.path("event");
      String thread = event.path("thread_ts").asText(event.path("ts").asText(""));
      Origin origin = Origin.ofEvent(body);
      return new Gated(new Asker(event.path("user").asText(null), origin.team(), event.path("channel").asText(null)),
          origin, null, thread);
    }
    return null;
  }

  /** Only the lookup form is gated; its channel travels in the modal's metadata. */
  private static Gated form(ViewSubmissionPayload payload) {
    if (payload.getView() == null || !LookupModal.CALLBACK_ID.equals(payload.getView().getCallbackId())) {
      return null;
    }
    FormContext context = FormContext.decode(payload.getView().getPrivateMetadata()).orElse(null);
    Origin origin = Origin.of(payload);
    Asker asker = new Asker(payload.getUser().getId(), origin.team(), context == null ? null : context.channelId());
    return new Gated(asker, origin, context == null ? null : context.responseUrl(), null);
  }
}
