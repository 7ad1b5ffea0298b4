package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class BlockKitCheckTest {

  @Test
  void violations_validMessage_none() {
    SlackMessage message =
        new SlackMessage(
            "fallback",
            List.of(
                section(
                    s ->
                        s.text(markdownText("hi"))
                            .accessory(
                                button(b -> b.text(plainText("Go")).actionId("go").value("1")))),
                divider(),
                header(h -> h.text(plainText("Title")))));

    assertThat(BlockKitCheck.violations(message)).isEmpty();
  }

  @Test
  void violations_missingFallbackText_reported() {
    SlackMessage message = new SlackMessage(" ", List.of(section(s -> s.text(markdownText("hi")))));

    assertThat(BlockKitCheck.violations(message)).containsExactly("message: no fallback text");
  }

  @Test
  void violations_fiftyOneBlocks_reported() {
    List<LayoutBlock> blocks = Collections.nCopies(51, divider());

    assertThat(BlockKitCheck.violations(new SlackMessage("t", blocks)))
        .containsExactly("message: 51 blocks, limit 50");
  }

  @Test
  void violations_sectionTextOverThreeThousand_reported() {
    SlackMessage message = message(section(s -> s.text(markdownText("x".repeat(3_001)))));

    assertThat(BlockKitCheck.violations(message))
        .containsExactly("block 0 (section): text has 3001 characters, limit 3000");
  }

  @Test
  void violations_emptySectionText_reported() {
    assertThat(BlockKitCheck.violations(message(section(s -> s.text(markdownText(""))))))
        .containsExactly("block 0 (section): text: empty text");
    assertThat(BlockKitCheck.violations(message(section(s -> s))))
        .containsExactly("block 0 (section): neither text nor fields");
  }

  @Test
  void violations_tooManyAndTooLongFields_reported() {
    List<TextObject> fields =
        IntStream.range(0, 11)
            .mapToObj(i -> (TextObject) markdownText(i == 0 ? "f".repeat(2_001) : "f"))
            .collect(Collectors.toList());

    assertThat(BlockKitCheck.violations(message(section(s -> s.fields(fields)))))
        .containsExactly(
            "block 0 (section): 11 fields, limit 10",
            "block 0 (section): field 0 has 2001 characters, limit 2000");
  }

  @Test
  void violations_longHeader_reported() {
    SlackMessage message = message(header(h -> h.text(plainText("h".repeat(151)))));

    assertThat(BlockKitCheck.violations(message))
        .containsExactly("block 0 (header): text has 151 characters, limit 150");
  }

  @Test
  void violations_elevenContextElements_reported() {
    List<ContextBlockElement> elements = Collections.nCopies(11, markdownText("c"));

    assertThat(BlockKitCheck.violations(message(context(elements))))
        .containsExactly("block 0 (context): 11 elements, allowed 1 to 10");
  }

  @Test
  void violations_twentySixActionsAndDuplicateActionIds_reported() {
    List<BlockElement> buttons =
        IntStream.range(0, 26)
            .mapToObj(
                i ->
                    (BlockElement)
                        button(b -> b.text(plainText("b")).actionId(i == 25 ? "a0" : "a" + i)))
            .collect(Collectors.toList());

    assertThat(BlockKitCheck.violations(message(actions(buttons))))
        .containsExactly(
            "block 0 (actions): 26 elements, allowed 1 to 25",
            "block 0 (actions): element 25: action_id a0 is not unique in its block");
  }

  @Test
  void violations_buttonTextValueAndUrlTooLong_reported() {
    BlockElement button =
        button(
            b ->
                b.text(plainText("t".repeat(76)))
                    .actionId("x".repeat(256))
                    .value("v".repeat(2_001))
                    .url("https://u/" + "u".repeat(3_000)));

    assertThat(BlockKitCheck.violations(message(actions(List.of(button)))))
        .containsExactly(
            "block 0 (actions): element 0: action_id has 256 characters, limit 255",
            "block 0 (actions): element 0: text has 76 characters, limit 75",
            "block 0 (actions): element 0: value has 2001 characters, limit 2000",
            "block 0 (actions): element 0: url has 3010 characters, limit 3000");
  }

  @Test
  void violations_longAndDuplicateBlockIds_reported() {
    SlackMessage message =
        new SlackMessage("t", List.of(divider("b".repeat(256)), divider("same"), divider("same")));

    assertThat(BlockKitCheck.violations(message))
        .containsExactly(
            "block 0 (divider): block_id has 256 characters, limit 255",
            "block 2 (divider): block_id same is not unique");
  }

  @Test
  void violations_totalTextOverBudget_reported() {
    List<LayoutBlock> blocks =
        Collections.nCopies(5, section(s -> s.text(markdownText("x".repeat(2_500)))));

    assertThat(BlockKitCheck.violations(new SlackMessage("t", blocks)))
        .containsExactly("message: block text has 12500 characters, limit 12000");
  }

  private static SlackMessage message(LayoutBlock block) {
    return new SlackMessage("fallback", List.of(block));
  }
}
