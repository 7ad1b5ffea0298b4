package dev.tracelookup.trace;

import java.util.List;

/**
 * The path from the entry span down to the culprit: the span a careful engineer would name (see
 * {@link ErrorPathFinder}).
 *
 * @param steps entry span first, culprit last; never empty
 * @param otherFailingBranches how many other culprits the trace has (independent failing branches)
 * @param otherCulpritSpanIds the span IDs of those culprits, in start order
 * @param entryIsOrphan true when the first step's parent is missing from the trace, so the real
 *     entry span was not returned by the backend
 * @param tookTheTime true when the culprit was found by following the time under a call that was
 *     given up on, and did not fail itself: it is named because it was slow
 */
public record ErrorPath(
    List<PathStep> steps,
    int otherFailingBranches,
    List<String> otherCulpritSpanIds,
    boolean entryIsOrphan,
    boolean tookTheTime) {

  public ErrorPath {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("an error path has at least one step");
    }
    otherCulpritSpanIds = List.copyOf(otherCulpritSpanIds);
  }

  /** A path found from failures alone. */
  public ErrorPath(
      List<PathStep> steps,
      int otherFailingBranches,
      List<String> otherCulpritSpanIds,
      boolean entryIsOrphan) {
    this(steps, otherFailingBranches, otherCulpritSpanIds, entryIsOrphan, false);
  }

  public PathStep entry() {
    return steps.get(0);
  }

  public PathStep culprit() {
    return steps.get(steps.size() - 1);
  }
}
