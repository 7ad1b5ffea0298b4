package dev.tracelookup.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.render.LookupModal;
import dev.tracelookup.render.Messages;
import dev.tracelookup.slack.SlackReplies.Visibility;
import java.util.Optional;

/**
 * "Check it in the form": opens the lookup form prefilled with what was read from pasted text; the
 * form's submission then runs the lookup as any other ({@link FormSubmissionHandler}).
 */
final class OpenFormHandler implements BlockActionHandler {
  private final SlackReplies replies;

  OpenFormHandler(SlackReplies replies) {
    this.replies = replies;
  }

  @Override
  public Response apply(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    Optional<FormOffer> offer =
        payload.getActions() == null || payload.getActions().isEmpty()
            ? Optional.empty()
            : FormOffer.decode(payload.getActions().get(0).getValue());
    if (offer.isEmpty()) {
      answer(payload, "That button no longer holds what I read. Run the lookup again.");
      return ctx.ack();
    }
    Optional<String> opened =
        Modals.open(
            ctx.client(),
            payload.getTriggerId(),
            LookupModal.form(offer.get().prefill(), offer.get().context().encode()));
    if (opened.isEmpty()) {
      answer(payload, "The form could not be opened. Click the button again.");
    }
    return ctx.ack();
  }

  private void answer(BlockActionPayload payload, String problem) {
    if (payload.getResponseUrl() != null) {
      replies.respond(payload.getResponseUrl(), Messages.failure(problem), Visibility.EPHEMERAL);
    }
  }
}
