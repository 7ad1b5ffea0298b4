package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The card's own buttons (Share, reply, ticket note, Refresh, and Previous and Next on a card that
 * is one page of several) and the "shared by" byline.
 */
final class CardActionBlocks {
  private CardActionBlocks() {}

  static List<LayoutBlock> of(CardActions actions) {
    List<LayoutBlock> blocks = new ArrayList<>(2);
    actions
        .sharedBy()
        .ifPresent(user -> blocks.add(context(List.of(markdownText("Shared by <@" + user + ">")))));
    // A shared copy carries no lookup in its buttons: the token holds the raw customer ID.
    if (actions.sharedBy().isPresent()
        || actions.requestToken().length() > BlockKitLimits.MAX_BUTTON_VALUE) {
      return blocks;
    }
    List<BlockElement> buttons = new ArrayList<>(2);
    if (actions.shareable()) {
      buttons.add(
          button(
              b ->
                  b.text(plainText(actions.inThread() ? "Post to thread" : "Share in channel"))
                      .actionId(ActionId.SHARE.id())
                      .value(actions.requestToken())
                      .style("primary")));
    }
    actions
        .replyTraceId()
        .map(actions.traceValue())
        .filter(value -> value.length() <= BlockKitLimits.MAX_BUTTON_VALUE)
        .ifPresent(
            value ->
                buttons.add(
                    button(
                        b ->
                            b.text(plainText("Draft customer reply"))
                                .actionId(ActionId.DRAFT_REPLY.id())
                                .value(value))));
    actions
        .noteValue()
        .filter(value -> value.length() <= BlockKitLimits.MAX_BUTTON_VALUE)
        .ifPresent(
            value ->
                buttons.add(
                    button(
                        b ->
                            b.text(plainText("Add note to ticket"))
                                .actionId(ActionId.ADD_NOTE.id())
                                .value(value))));
    buttons.add(
        button(
            b ->
                b.text(plainText("Refresh"))
                    .actionId(ActionId.REFRESH.id())
                    .value(actions.requestToken())));
    CardActions.Pages pages = actions.pages();
    page(pages.previous(), "◀ Previous", ActionId.PREVIOUS_PAGE).ifPresent(buttons::add);
    page(pages.next(), "Next ▶", ActionId.NEXT_PAGE).ifPresent(buttons::add);
    if (pages.paged()) {
      blocks.add(context(List.of(markdownText("Page " + pages.number()))));
    }
    blocks.add(actions(buttons));
    return blocks;
  }

  /** Returns a page button, unless its value would not fit in one. */
  private static Optional<BlockElement> page(Optional<String> value, String label, ActionId id) {
    return value
        .filter(v -> v.length() <= BlockKitLimits.MAX_BUTTON_VALUE)
        .map(v -> button(b -> b.text(plainText(label)).actionId(id.id()).value(v)));
  }
}
