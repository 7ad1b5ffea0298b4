package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class MrkdwnTest {

  @Test
  void escape_mentionsAndLinks_becomeText() {
    String escaped = Mrkdwn.escape("<@U123> <!channel> <http://x|y> & more");

    assertThat(escaped).isEqualTo("&lt;@U123&gt; &lt;!channel&gt; &lt;http://x|y&gt; &amp; more");
  }

  @Test
  void escape_cutInsideAnEntity_keepsTheEntityWholeOrDropsIt() {
    String escaped = Mrkdwn.escape("abc&def", 8);

    assertThat(escaped).isEqualTo("abc…");
  }

  @Test
  void escape_fitsExactly_notCut() {
    assertThat(Mrkdwn.escape("a&b", 7)).isEqualTo("a&amp;b");
  }

  @Test
  void escape_cutBeforeAnEmoji_neverSplitsTheSurrogatePair() {
    String escaped = Mrkdwn.escape("ab😀cd", 4);

    assertThat(escaped).isEqualTo("ab…");
  }

  @Test
  void codeBlock_backticksInFrames_cannotCloseTheBlock() {
    String block = Mrkdwn.codeBlock(List.of("at ```evil``` <@U1>"), 100);

    assertThat(block).isEqualTo("```\nat ˋˋˋevilˋˋˋ &lt;@U1&gt;\n```");
  }

  @Test
  void text_always_isVerbatimSoSlackDoesNotAutoLink() {
    assertThat(Mrkdwn.text("x").getVerbatim()).isTrue();
  }
}
