package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import dev.tracelookup.incidents.Incident;
import dev.tracelookup.lookup.ReplyDrafts;
import dev.tracelookup.lookup.RequestTokens;
import dev.tracelookup.render.Messages;
import dev.tracelookup.render.ReplyModal;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Draft customer reply": opens the modal at once, while the trigger is valid (3 s), then writes
 * the draft on the lookup executor and updates the modal with it.
 */
final class DraftReplyHandler implements BlockActionHandler {
  private static final Logger log = LoggerFactory.getLogger(DraftReplyHandler.class);

  private final ReplyDrafts drafts;
  private final AgentZoneReader zones;
  private final LookupJobs jobs;
  private final SlackReplies replies;
  private final Audits audits;
  private final RequestTokens tokens;

  DraftReplyHandler(
      ReplyDrafts drafts,
      AgentZoneReader zones,
      LookupJobs jobs,
      SlackReplies replies,
      Audits audits,
      RequestTokens tokens) {
    this.tokens = tokens;
    this.drafts = drafts;
    this.zones = zones;
    this.jobs = jobs;
    this.replies = replies;
    this.audits = audits;
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    if (payload.getActions() == null || payload.getActions().isEmpty()) {
      return ctx.ack();
    }
    Optional<RequestTokens.TraceButton> button =
        tokens.trace(payload.getActions().get(0).getValue());
    if (button.isEmpty()) {
      replies.respond(
          payload.getResponseUrl(),
          Messages.failure(
              "That button no longer carries a trace I can read." + " Run `/trace-lookup` again."),
          Visibility.EPHEMERAL);
      return ctx.ack();
    }
    MethodsClient client = ctx.client();
    Optional<String> opened = Modals.open(client, payload.getTriggerId(), ReplyModal.drafting());
    if (opened.isEmpty()) {
      replies.respond(
          payload.getResponseUrl(),
          Messages.failure(
              "The reply window could not be opened. Click " + "\"Draft customer reply\" again."),
          Visibility.EPHEMERAL);
      return ctx.ack();
    }
    // Without a ticket the customer's zone is unknown: the agent's is the best guess, and the draft
    // says which.
    AgentZoneReader.AgentZone zone = zones.zoneOf(payload.getUser().getId());
    String viewId = opened.get();
    if (!jobs.trySubmit(
        () -> Modals.update(client, viewId, write(Asker.of(payload), button.get(), zone)))) {
      Modals.update(
          client,
          viewId,
          ReplyModal.failed("The bot is busy; close this and try again in a minute."));
    }
    return ctx.ack();
  }

  private View write(
      Asker asker, RequestTokens.TraceButton button, AgentZoneReader.AgentZone zone) {
    String traceId = button.traceId();
    try {
      ReplyDrafts.Draft draft = drafts.draft(traceId, zone.zone());
      if (audits
          .about(
              "reply_draft",
              asker,
              button,
              draft.written() ? 1 : 0,
              draft.written() ? "drafted" : "failed")
          .withholds()) {
        return ReplyModal.failed(Audits.WITHHELD);
      }
      if (!draft.written()) {
        return ReplyModal.failed(draft.problem());
      }
      String source = ReplyModal.source(traceId, draft.incident().map(Incident::id), zone.zone());
      return ReplyModal.draft(draft.text(), source);
    } catch (RuntimeException bug) {
      log.error("drafting the reply failed unexpectedly", bug);
      return ReplyModal.failed("Something went wrong while drafting. Close this and try again.");
    }
  }
}
