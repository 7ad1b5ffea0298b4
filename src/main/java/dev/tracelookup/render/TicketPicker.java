package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** "This message links several tickets: which one?", one button per ticket. */
public final class TicketPicker {
  private static final int MAX_CHOICES = 10;

  private TicketPicker() {}

  /** One ticket to offer: its label ("Zendesk #4512") and the button value that reopens it. */
  public record Choice(String label, String value) {
    public Choice {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  public static SlackMessage message(List<Choice> choices) {
    List<BlockElement> buttons = new ArrayList<>();
    for (int i = 0; i < Math.min(choices.size(), MAX_CHOICES); i++) {
      Choice choice = choices.get(i);
      String actionId = ActionId.PICK_TICKET.id(i);
      if (choice.value().length() <= BlockKitLimits.MAX_BUTTON_VALUE) {
        buttons.add(
            button(
                b ->
                    b.text(plainText(Texts.clip(choice.label(), 75)))
                        .actionId(actionId)
                        .value(choice.value())));
      }
    }
    String text = "This message links " + choices.size() + " tickets. Which one is the customer's?";
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(SlackBlocks.mrkdwnSection(text));
    if (!buttons.isEmpty()) {
      blocks.add(actions(buttons));
    }
    return new SlackMessage(text, blocks);
  }
}
