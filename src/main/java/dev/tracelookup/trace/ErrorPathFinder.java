package dev.tracelookup.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Walks from where the verdict starts down to the culprit: the span a careful engineer would name.
 *
 * <p>At each span the walk goes on to the child that best explains it:
 *
 * <ul>
 *   <li>a child passing up a real failure, before one passing up only a recorded exception (an
 *       exception is evidence on any span, whatever its status, but a span that failed says more);
 *   <li>among equals, one that answered the same status as its parent, then the first to fail, as
 *       the first failure is usually the one that stopped the request;
 *   <li>never a failed attempt that a retry repaired, and never a failure a successful span
 *       absorbed; of several attempts that all failed, the last, counting the attempts.
 * </ul>
 *
 * <p>When the customer or a caller gave up (a 504, a 499, a deadline, a cancelled call), failure
 * flags say little: the span that gave up is not the one that was slow. The walk then follows the
 * time instead, as Jaeger draws the critical path: into the child that took at least half of its
 * parent's time, even without any error status, until no child did.
 *
 * <p>Every step looks only at the children of the span it is on, and the evidence was computed in
 * one pass, so the walk is linear in the number of spans.
 */
final class ErrorPathFinder {
  static final int MAX_OTHER_CULPRIT_IDS = 20;

  private final SpanTree tree;
  private final Evidence evidence;
  private final boolean followQueuedWork;

  private ErrorPathFinder(SpanTree tree, Evidence evidence, boolean followQueuedWork) {
    this.tree = tree;
    this.evidence = evidence;
    this.followQueuedWork = followQueuedWork;
  }

  /** An error path, and the nodes it was built from. */
  record Walk(ErrorPath path, List<SpanNode> nodes) {}

  /** Returns the error path of a failed or refused verdict, empty for the others. */
  static Optional<Walk> find(SpanTree tree, Evidence evidence, VerdictJudge.Judged judged) {
    if (!judged.verdict().isFailure()) {
      return Optional.empty();
    }
    return Optional.of(
        new ErrorPathFinder(tree, evidence, judged.verdict().asynchronous())
            .walk(judged.start(), judged.givenUp()));
  }

  private Walk walk(SpanNode start, boolean givenUp) {
    List<SpanNode> path = new ArrayList<>();
    List<Integer> attempts = new ArrayList<>();
    path.add(start);
    attempts.add(1);
    boolean followTime = givenUp;
    boolean tookTheTime = false;
    SpanNode node = start;
    while (true) {
      Choice next = followTime ? slowest(node) : null;
      if (next != null) {
        tookTheTime = true;
      } else {
        next = explaining(node);
        if (next == null && node == start && !start.isOrphan()) {
          next = orphanBelow(start);
        }
        if (next == null) {
          break;
        }
        tookTheTime = false;
        followTime |= FailureRules.isGivenUp(next.node.span(), evidence.exception(next.node));
      }
      path.add(next.node);
      attempts.add(next.attempts);
      node = next.node;
    }
    List<SpanNode> others = otherCulprits(start, path);
    ErrorPath errorPath =
        new ErrorPath(
            PathSteps.of(path, attempts, evidence),
            others.size(),
            spanIds(others.subList(0, Math.min(others.size(), MAX_OTHER_CULPRIT_IDS))),
            start.isOrphan(),
            tookTheTime && evidence.own(node) != Evidence.FAILED);
    return new Walk(errorPath, path);
  }

  /** A child to go on to, and how many attempts of that call failed. */
  private static final class Choice {
    final SpanNode node;
    final int attempts;

    Choice(SpanNode node, int attempts) {
      this.node = node;
      this.attempts = attempts;
    }
  }

  /** Returns the child that took at least half of the node's time, the longest one; or null. */
  private Choice slowest(SpanNode node) {
    SpanNode longest = null;
    for (SpanNode child : node.children()) {
      if (evidence.async(child)) {
        continue;
      }
      if (longest == null || child.span().durationNanos() > longest.span().durationNanos()) {
        longest = child;
      }
    }
    // Durations are measured on one host each, so they survive clock skew where start times do not.
    if (longest == null || longest.span().durationNanos() * 2 < node.span().durationNanos()) {
      return null;
    }
    return new Choice(longest, 1);
  }

  /** Returns the child that best explains the node's failure, or null when none does. */
  private Choice explaining(SpanNode node) {
    SpanNode best = null;
    int bestTier = 0;
    Optional<ExceptionInfo> ownException = evidence.exception(node);
    Optional<ResponseStatus> ownResponse = FailureRules.response(node.span());
    for (SpanNode child : node.children()) {
      int tier = tier(child);
      if (tier == 0) {
        continue;
      }
      if (tier == 2 && ownException.isPresent() && !sameException(ownException.get(), child)) {
        // The node's own exception explains it better than an unrelated one logged below.
        continue;
      }
      if (best == null || better(child, tier, best, bestTier, ownResponse)) {
        best = child;
        bestTier = tier;
      }
    }
    if (best == null) {
      return null;
    }
    return lastAttempt(node, best);
  }

  /**
   * Returns how strongly the child explains its parent: 3 for a real failure, 2 for a recorded
   * exception only, 1 for failed queued work (when the verdict is about queued work), 0 for none.
   */
  private int tier(SpanNode child) {
    if (evidence.recovered(child)) {
      return 0;
    }
    byte carry = evidence.carry(child);
    if (!evidence.async(child)) {
      if (carry == Evidence.FAILED) {
        return 3;
      }
      if (carry == Evidence.EXCEPTION) {
        return 2;
      }
      return followQueuedWork && evidence.asyncFailure(child) ? 1 : 0;
    }
    return followQueuedWork && (carry > Evidence.NONE || evidence.asyncFailure(child)) ? 1 : 0;
  }

  private boolean better(
      SpanNode child,
      int tier,
      SpanNode best,
      int bestTier,
      Optional<ResponseStatus> parentResponse) {
    if (tier != bestTier) {
      return tier > bestTier;
    }
    boolean matches =
        parentResponse.isPresent() && parentResponse.equals(FailureRules.response(child.span()));
    boolean bestMatches =
        parentResponse.isPresent() && parentResponse.equals(FailureRules.response(best.span()));
    if (matches != bestMatches) {
      return matches;
    }
    return child.span().endEpochNanos() < best.span().endEpochNanos();
  }

  private boolean sameException(ExceptionInfo parent, SpanNode child) {
    Optional<ExceptionInfo> found = evidence.exception(evidence.firstFailedAtOrBelow(child));
    if (found.isEmpty()) {
      found = evidence.exception(child);
    }
    if (found.isEmpty()) {
      return true;
    }
    ExceptionInfo own = found.get();
    return (!own.type().isEmpty() && own.type().equals(parent.type()))
        || (!own.message().isEmpty() && parent.message().contains(own.message()));
  }

  /**
   * Returns the last failed attempt of the chosen call among its siblings, with how many attempts
   * failed: when every retry failed, the last one is the one the caller gave up after.
   */
  private Choice lastAttempt(SpanNode parent, SpanNode chosen) {
    String key = null;
    SpanNode last = chosen;
    int attempts = 0;
    for (SpanNode sibling : parent.children()) {
      if (sibling != chosen && evidence.carry(sibling) == Evidence.NONE) {
        continue;
      }
      if (key == null) {
        key = CallKey.of(chosen.span());
      }
      if (sibling == chosen || key.equals(CallKey.of(sibling.span()))) {
        attempts++;
        last = sibling;
      }
    }
    return new Choice(last, Math.max(1, attempts));
  }

  /**
   * Returns, when the entry failed and nothing under it explains why, the failing span whose parent
   * is missing: the span that would explain it was lost, and what hangs below it is the best lead.
   */
  private Choice orphanBelow(SpanNode start) {
    SpanNode best = null;
    for (SpanNode top : tree.tops()) {
      if (top == start || !top.isOrphan() || evidence.carry(top) != Evidence.FAILED) {
        continue;
      }
      if (best == null || top.span().endEpochNanos() < best.span().endEpochNanos()) {
        best = top;
      }
    }
    return best == null ? null : new Choice(best, 1);
  }

  /**
   * Returns the other spans that failed in themselves, reached through failures from the start or
   * from a top whose parent is missing, and are neither on the path nor attempts of the culprit's
   * call: the other failing branches.
   */
  private List<SpanNode> otherCulprits(SpanNode start, List<SpanNode> path) {
    SpanNode culprit = path.get(path.size() - 1);
    boolean[] onPath = new boolean[tree.size()];
    path.forEach(step -> onPath[step.index()] = true);
    List<SpanNode> others = new ArrayList<>();
    Deque<SpanNode> stack = new ArrayDeque<>();
    stack.push(start);
    // Failures under a lost parent belong to this request too, as far as anyone can tell.
    for (SpanNode top : tree.tops()) {
      if (top != start && !onPath[top.index()] && evidence.carry(top) == Evidence.FAILED) {
        stack.push(top);
      }
    }
    String culpritKey = null;
    while (!stack.isEmpty()) {
      SpanNode node = stack.pop();
      boolean failingChild = false;
      for (SpanNode child : node.children()) {
        if (evidence.carry(child) == Evidence.FAILED && !evidence.async(child)) {
          failingChild = true;
          stack.push(child);
        }
      }
      if (failingChild || evidence.own(node) != Evidence.FAILED || onPath[node.index()]) {
        continue;
      }
      if (node.parent().equals(culprit.parent())) {
        culpritKey = culpritKey == null ? CallKey.of(culprit.span()) : culpritKey;
        if (culpritKey.equals(CallKey.of(node.span()))) {
          continue;
        }
      }
      others.add(node);
    }
    others.sort(SpanNode.START_ORDER);
    return others;
  }

  private static List<String> spanIds(List<SpanNode> nodes) {
    List<String> ids = new ArrayList<>(nodes.size());
    for (SpanNode node : nodes) {
      ids.add(node.span().spanId());
    }
    return Collections.unmodifiableList(ids);
  }
}
