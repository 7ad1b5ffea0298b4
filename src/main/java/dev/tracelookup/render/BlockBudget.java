package dev.tracelookup.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a message's blocks within the message-wide limits: the number of blocks and the total
 * text. A block that does not fit is refused, so a message built through a budget is always
 * accepted whatever its input; what a renderer must still show at the end (a "+N more" line, a
 * button) it keeps room for with {@link #reserve}, for as long as a try-with-resources block:
 *
 * <pre>{@code
 * try (BlockBudget.Reservation buttons = budget.reserveFor(actions)) {
 *   ... add what may be cut ...
 * }
 * actions.forEach(budget::add);
 * }</pre>
 *
 * <p>Text is counted the way {@link BlockKitLimits} counts it, on the serialised block.
 */
final class BlockBudget {
  private final int maxBlocks;
  private final int maxChars;
  private final List<LayoutBlock> blocks = new ArrayList<>();
  // Each gives back its own room, in whatever order they close.
  private final List<Reservation> reservations = new ArrayList<>();
  private int chars;

  BlockBudget(int maxBlocks, int maxChars) {
    this.maxBlocks = maxBlocks;
    this.maxChars = maxChars;
  }

  /** Returns a budget for one Slack message. */
  static BlockBudget forMessage() {
    return new BlockBudget(BlockKitLimits.MAX_BLOCKS, BlockKitLimits.MAX_TOTAL_TEXT);
  }

  /** Adds the block if it fits in what the reservation leaves; returns whether it was added. */
  boolean add(LayoutBlock block) {
    int cost = BlockKitLimits.textLength(block);
    if (blocksLeft() < 1 || cost > charsLeft()) {
      return false;
    }
    blocks.add(block);
    chars += cost;
    return true;
  }

  /**
   * Keeps room for blocks to be added later, until the reservation is closed. Reservations nest: a
   * part of the message can keep room for its own end while its caller keeps room for what follows
   * it.
   */
  Reservation reserve(int blockCount, int charCount) {
    Reservation reservation = new Reservation(Math.max(0, blockCount), Math.max(0, charCount));
    reservations.add(reservation);
    return reservation;
  }

  /** Keeps room for exactly these blocks; see {@link #reserve(int, int)}. */
  Reservation reserveFor(List<? extends LayoutBlock> later) {
    return reserve(later.size(), later.stream().mapToInt(BlockKitLimits::textLength).sum());
  }

  /** Returns how many more blocks fit, after the reservation. */
  int blocksLeft() {
    return maxBlocks - blocks.size() - reservations.stream().mapToInt(Reservation::blocks).sum();
  }

  /** Returns how many more characters of text fit, after the reservation. */
  int charsLeft() {
    return maxChars - chars - reservations.stream().mapToInt(Reservation::chars).sum();
  }

  List<LayoutBlock> blocks() {
    return List.copyOf(blocks);
  }

  /**
   * Room kept in the budget until {@link #close()}. Closing gives back exactly this room, so a
   * reservation cannot release another's by being closed out of turn; closing twice does nothing.
   */
  final class Reservation implements AutoCloseable {
    private final int blocks;
    private final int chars;

    private Reservation(int blocks, int chars) {
      this.blocks = blocks;
      this.chars = chars;
    }

    int blocks() {
      return blocks;
    }

    int chars() {
      return chars;
    }

    @Override
    public void close() {
      reservations.remove(this);
    }
  }
}
