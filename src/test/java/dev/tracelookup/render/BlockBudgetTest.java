package dev.tracelookup.render;

import static com.slack.api.model.block.Blocks.divider;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BlockBudgetTest {

  @Test
  void add_beyondTheBlockLimit_refused() {
    BlockBudget budget = new BlockBudget(2, 100);

    boolean first = budget.add(divider());
    boolean second = budget.add(divider());
    boolean third = budget.add(divider());

    assertThat(List.of(first, second, third)).containsExactly(true, true, false);
    assertThat(budget.blocks()).hasSize(2);
  }

  @Test
  void add_beyondTheTextLimit_refusedButSmallerBlocksStillFit() {
    BlockBudget budget = new BlockBudget(10, 100);

    boolean big = budget.add(text(101));
    boolean small = budget.add(text(100));

    assertThat(big).isFalse();
    assertThat(small).isTrue();
    assertThat(budget.charsLeft()).isZero();
  }

  @Test
  void reserve_nested_keepsRoomUntilEachIsReleased() {
    BlockBudget budget = new BlockBudget(10, 100);
    boolean whileBothHeld;
    boolean afterInnerReleased;

    try (BlockBudget.Reservation outer = budget.reserve(1, 30)) {
      try (BlockBudget.Reservation inner = budget.reserve(0, 30)) {
        whileBothHeld = budget.add(text(50));
      }
      afterInnerReleased = budget.add(text(50));
    }
    boolean afterBothReleased = budget.add(text(30));

    assertThat(List.of(whileBothHeld, afterInnerReleased, afterBothReleased))
        .containsExactly(false, true, true);
    assertThat(budget.charsLeft()).isEqualTo(20);
  }

  @Test
  void reserveFor_blocks_keepsExactlyTheirRoom() {
    BlockBudget budget = new BlockBudget(3, 100);

    budget.reserveFor(List.of(text(40), divider()));

    assertThat(budget.blocksLeft()).isEqualTo(1);
    assertThat(budget.charsLeft()).isEqualTo(60);
  }

  @Test
  void reserve_closedOutOfTurn_givesBackItsOwnRoomOnly() {
    BlockBudget budget = new BlockBudget(10, 100);
    BlockBudget.Reservation first = budget.reserve(1, 10);
    BlockBudget.Reservation second = budget.reserve(2, 20);

    first.close();
    first.close();

    assertThat(budget.blocksLeft()).isEqualTo(8);
    assertThat(budget.charsLeft()).isEqualTo(80);
    second.close();
    assertThat(budget.blocksLeft()).isEqualTo(10);
  }

  private static LayoutBlock text(int length) {
    return SlackBlocks.mrkdwnSection("x".repeat(length));
  }
}
