package dev.tracelookup.trace;

import java.util.List;

/**
 * The path from the entry span down to the culprit: the deepest failing span, a failing span with
 * no failing descendant.
 *
 * @param steps entry span first, culprit last; never empty
 * @param otherFailingBranches how many other culprits the trace has (independent failing branches)
 * @param otherCulpritSpanIds the span IDs of those culprits, in start order
 * @param entryIsOrphan true when the first step's parent is missing from the trace, so the real
 *     entry span was not returned by the backend
 */
public record ErrorPath(
    List<PathStep> steps, int otherFailingBranches, List<String> otherCulpritSpanIds, boolean entryIsOrphan) {

  public ErrorPath {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("an error path has at least one step");
    }
    otherCulpritSpanIds = List.copyOf(otherCulpritSpanIds);
  }

  public PathStep entry() {
    return steps.get(0);
  }

  public PathStep culprit() {
    return steps.get(steps.size() - 1);
  }
}
