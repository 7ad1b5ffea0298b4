package dev.tracelookup.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a modal while the trigger is valid (3 s) and fills it in later: the pattern of every slow
 * form. Slack's refusals are logged and returned as values, never thrown.
 */
final class Modals {
  private static final Logger log = LoggerFactory.getLogger(Modals.class);

  private Modals() {}

  /** Returns the opened view's ID, or empty when Slack refused (expired trigger, say). */
  static Optional<String> open(MethodsClient client, String triggerId, View view) {
    try {
      ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
      if (opened.isOk() && opened.getView() != null) {
        return Optional.of(opened.getView().getId());
      }
      log.warn("views.open refused: {}", opened.getError());
    } catch (IOException | SlackApiException failed) {
      log.warn("views.open failed: {}", failed.getMessage());
    }
    return Optional.empty();
  }

  /** Replaces the content of an open view. */
  static void update(MethodsClient client, String viewId, View view) {
    try {
      var updated = client.viewsUpdate(r -> r.viewId(viewId).view(view));
      if (!updated.isOk()) {
        log.warn("views.update refused: {}", updated.getError());
      }
    } catch (IOException | SlackApiException failed) {
      log.warn("views.update failed: {}", failed.getMessage());
    }
  }
}
