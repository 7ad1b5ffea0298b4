package dev.tracelookup.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import dev.tracelookup.render.ActionId;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identical button presses within a short time act once. A replayed Share click (the same signed
 * request sent again inside the signature's 5 minutes) posted the card three times; an impatient
 * double click did the same. Two memories:
 *
 * <ul>
 *   <li>the same press again, by the same person, on the same button of the same message with the
 *       same value, within {@link #REPEAT_WINDOW}: a double click, or a replay;
 *   <li>the very same delivery again (same {@code action_ts}, or for a form the same view and
 *       hash), within twice the signature tolerance: only a replay sends it, and past that window
 *       the signature check refuses it anyway.
 * </ul>
 *
 * <p>Page turns (Next, Previous) are exempt from the first memory: flipping back and forth presses
 * the same button again on purpose.
 *
 * <p>A repeat is acknowledged and does nothing: the first press answers. The memory is per process,
 * bounded, and forgets on its own; a replay that reaches another replica acts there once more.
 */
final class ActionReplays implements Middleware {
  static final Duration REPEAT_WINDOW = Duration.ofSeconds(10);
  private static final int MAX_KEYS = 20_000;
  private static final Logger log = LoggerFactory.getLogger(ActionReplays.class);

  private final Cache<String, Boolean> presses;
  private final Cache<String, Boolean> deliveries;

  /**
   * @param timestampTolerance how far a signed request's timestamp may be from now
   */
  ActionReplays(Duration timestampTolerance, Ticker ticker) {
    this.presses =
        Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfterWrite(REPEAT_WINDOW)
            .ticker(ticker)
            .build();
    this.deliveries =
        Caffeine.newBuilder()
            .maximumSize(MAX_KEYS)
            .expireAfterWrite(timestampTolerance.multipliedBy(2))
            .ticker(ticker)
            .build();
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    boolean repeated = false;
    if (req instanceof BlockActionRequest action) {
      BlockActionPayload payload = action.getPayload();
      Optional<String> press = press(payload);
      if (press.isPresent()) {
        // Both memories are asked every time; putIfAbsent leaves each window counting from the
        // first press.
        boolean first =
            turnsPage(action.getPayload())
                || presses.asMap().putIfAbsent(press.get(), Boolean.TRUE) == null;
        boolean fresh =
            deliveries.asMap().putIfAbsent(press.get() + " at " + actionTs(payload), Boolean.TRUE)
                == null;
        repeated = !first || !fresh;
      }
    } else if (req instanceof ViewSubmissionRequest view) {
      ViewSubmissionPayload payload = view.getPayload();
      if (payload.getView() != null
          && payload.getView().getId() != null
          && payload.getUser() != null) {
        String submission =
            payload.getUser().getId()
                + " submitted "
                + payload.getView().getId()
                + " "
                + payload.getView().getHash();
        repeated = deliveries.asMap().putIfAbsent(submission, Boolean.TRUE) != null;
      }
    }
    if (repeated) {
      log.info(
          "dropped a repeated press of the same button (a double click or a replayed request)");
      return Response.ok();
    }
    return chain.next(req);
  }

  /**
   * Returns what makes two presses the same one, or empty for a payload without a pressed button.
   */
  private static Optional<String> press(BlockActionPayload payload) {
    if (payload.getUser() == null
        || payload.getActions() == null
        || payload.getActions().isEmpty()) {
      return Optional.empty();
    }
    BlockActionPayload.Action action = payload.getActions().get(0);
    BlockActionPayload.Container container = payload.getContainer();
    String where =
        container == null
            ? ""
            : container.getChannelId()
                + " "
                + container.getMessageTs()
                + " "
                + container.getViewId();
    return Optional.of(
        payload.getUser().getId()
            + " pressed "
            + action.getActionId()
            + " "
            + action.getBlockId()
            + " "
            + action.getValue()
            + " in "
            + where);
  }

  /**
   * Returns whether the press turns a card's page. Next, Previous, Next within seconds presses the
   * same button of the same message with the same value twice, and means it; a page turn only reads
   * (from the cache, the second time), so a double click costs nothing but a second, equal page.
   */
  private static boolean turnsPage(BlockActionPayload payload) {
    String actionId = payload.getActions().get(0).getActionId();
    return ActionId.NEXT_PAGE.matches(actionId) || ActionId.PREVIOUS_PAGE.matches(actionId);
  }

  private static String actionTs(BlockActionPayload payload) {
    return String.valueOf(payload.getActions().get(0).getActionTs());
  }
}
