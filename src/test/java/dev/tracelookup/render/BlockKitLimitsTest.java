package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The count a card is built within is the count of the JSON Slack receives: the streamed count the
 * renderers use must agree with the count of the parsed JSON that {@code BlockKitCheck} makes.
 */
final class BlockKitLimitsTest {
  private final CardRenderer renderer = new CardRenderer();

  @Test
  void textLength_ofEveryBlockOfRenderedCards_matchesTheSentJson() {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.addAll(renderer.card(RenderFixtures.writeUpContent()).blocks());
    blocks.addAll(
        renderer.trace(RenderFixtures.writeUp(), RenderFixtures.NEW_YORK, "Zipkin").blocks());

    assertThat(blocks).hasSizeGreaterThan(5);
    for (LayoutBlock block : blocks) {
      assertThat(BlockKitLimits.textLength(block)).isEqualTo(sentTextLength(block));
    }
  }

  @Test
  void textLength_nestedTextObjectsOptionsAndMissingText_countsEachStringOnce() {
    LayoutBlock section =
        section(
            s ->
                s.text(MarkdownTextObject.builder().text("*a* & <b>").verbatim(true).build())
                    .fields(List.of(plainText("left"), plainText("right side")))
                    .accessory(
                        staticSelect(
                            m ->
                                m.placeholder(plainText("pick"))
                                    .options(
                                        List.of(
                                            option(plainText("one"), "value-1"),
                                            option(plainText("two"), "value-2"))))));
    LayoutBlock buttons =
        actions(a -> a.elements(List.of(button(b -> b.text(plainText("Share")).value("text")))));
    LayoutBlock empty = context(c -> c.elements(List.of(plainText(p -> p.text(null)))));

    assertThat(BlockKitLimits.textLength(section))
        .isEqualTo(sentTextLength(section))
        .isEqualTo("*a* & <b>".length() + "left".length() + "right side".length() + 4 + 3 + 3);
    assertThat(BlockKitLimits.textLength(buttons)).isEqualTo(sentTextLength(buttons)).isEqualTo(5);
    assertThat(BlockKitLimits.textLength(empty)).isEqualTo(sentTextLength(empty)).isZero();
  }

  private static int sentTextLength(LayoutBlock block) {
    String json = GsonFactory.createSnakeCase().toJson(block);
    return BlockKitLimits.textLength(JsonParser.parseString(json));
  }
}
