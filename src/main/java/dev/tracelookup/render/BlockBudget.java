package dev.tracelookup.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Collects a message's blocks within the message-wide limits: the number of blocks and the total
 * text. A block that does not fit is refused, so a message built through a budget is always
 * accepted whatever its input; what a renderer must still show at the end (a "+N more" line, a
 * button) it keeps room for with {@link #reserve}.
 *
 * <p>Text is counted the way {@link BlockKitLimits} counts it, on the serialised block.
 */
final class BlockBudget {
  private final int maxBlocks;
  private final int maxChars;
  private final List<LayoutBlock> blocks = new ArrayList<>();
  private final Deque<Reservation> reservations = new ArrayDeque<>();
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
   * Keeps room for blocks to be added later. Reservations nest: each {@link #release()} gives back
   * the latest one, so a part of the message can keep room for its own end while its caller keeps
   * room for what follows it.
   */
  void reserve(int blockCount, int charCount) {
    reservations.push(new Reservation(Math.max(0, blockCount), Math.max(0, charCount)));
  }

  /** Keeps room for exactly these blocks; see {@link #reserve(int, int)}. */
  void reserveFor(List<? extends LayoutBlock> later) {
    reserve(later.size(), later.stream().mapToInt(BlockKitLimits::textLength).sum());
  }

  /** Gives back the latest reservation. */
  void release() {
    reservations.pop();
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

  private record Reservation(int blocks, int chars) {}
}
