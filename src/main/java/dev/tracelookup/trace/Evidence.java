package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every span of a tree says about itself, and what each subtree passes up to its parent,
 * computed in one pass from the leaves up. The verdict and the error path only read it.
 *
 * <p>Evidence travels up until something answers for it:
 *
 * <ul>
 *   <li>A failed attempt that a later attempt of the same call (see {@link CallKey}) repaired is
 *       recovered: nothing under it travels further.
 *   <li>A span that says it succeeded (status OK, HTTP below 400, gRPC OK) absorbed what failed
 *       beneath it.
 *   <li>A span that says nothing (an internal span, a 4xx server) lets it through: a careful reader
 *       looks past it.
 *   <li>Work queued through a producer, a consumer or a span link ran after its caller answered, so
 *       no answer absorbs it: it travels up on its own track, {@link #asyncFailure}.
 * </ul>
 */
final class Evidence {
  static final byte SUCCEEDED = -1;
  static final byte NONE = 0;
  static final byte EXCEPTION = 1;
  static final byte FAILED = 2;
  // Bounds the descents that describe a recovery, so a pathological chain stays linear enough.
  private static final int MAX_DESCENT = 64;
  // A card names a few recoveries; a trace of 100,000 retried spans must not keep them all.
  private static final int MAX_KEPT = 256;

  private final List<SpanNode> nodes;
  private final byte[] own;
  private final byte[] below;
  private final byte[] carry;
  private final boolean[] recovered;
  private final boolean[] async;
  private final boolean[] asyncFailure;
  private final ExceptionInfo[] exceptions;
  private final List<Recovery> recoveries = new ArrayList<>();
  private int recoveryCount;

  private Evidence(List<SpanNode> nodes) {
    this.nodes = nodes;
    int size = nodes.size();
    own = new byte[size];
    below = new byte[size];
    carry = new byte[size];
    recovered = new boolean[size];
    async = new boolean[size];
    asyncFailure = new boolean[size];
    exceptions = new ExceptionInfo[size];
  }

  /** Returns the evidence of every node of the tree. */
  static Evidence of(SpanTree tree) {
    Evidence evidence = new Evidence(tree.nodes());
    // What each span says of itself is read in the order the spans lie in memory: walking them in
    // tree order instead jumps across a 100,000-span trace at every step, several times slower.
    for (SpanNode node : tree.nodesAsCreated()) {
      evidence.classify(node);
      node.parent().ifPresent(parent -> evidence.async[node.index()] = isAsyncEdge(parent, node));
    }
    evidence.collect(tree.tops());
    return evidence;
  }

  private void collect(List<SpanNode> tops) {
    // Nodes are in pre-order, so walking them backwards visits every child before its parent.
    for (int i = nodes.size() - 1; i >= 0; i--) {
      SpanNode node = nodes.get(i);
      markRetries(node.children());
      byte strongest = NONE;
      boolean queuedFailure = false;
      for (SpanNode child : node.children()) {
        int c = child.index();
        carry[c] = passesUp(c);
        queuedFailure |= asyncFailure[c] || (async[c] && carry[c] > NONE);
        if (!async[c]) {
          strongest = (byte) Math.max(strongest, carry[c]);
          if (own[i] == SUCCEEDED && carry[c] == FAILED) {
            keep(child, Recovery.How.ABSORBED, 1);
          }
        }
      }
      below[i] = strongest;
      asyncFailure[i] = queuedFailure;
    }
    markRetries(tops);
    for (SpanNode top : tops) {
      carry[top.index()] = passesUp(top.index());
    }
  }

  private void classify(SpanNode node) {
    Span span = node.span();
    int i = node.index();
    if (!span.events().isEmpty() || span.attributes().contains(ExceptionReader.TYPE)) {
      exceptions[i] = ExceptionReader.read(span).orElse(null);
    }
    StatusCode code = span.status().code();
    if (code == StatusCode.OK) {
      own[i] = SUCCEEDED;
    } else if (FailureRules.isFailing(span)) {
      own[i] = FAILED;
    } else if (FailureRules.response(span).map(ResponseStatus::isSuccess).orElse(false)) {
      // Not failing, so this is FailureRules.isExplicitSuccess without judging the span twice.
      own[i] = SUCCEEDED;
    } else {
      own[i] = exceptions[i] != null ? EXCEPTION : NONE;
    }
  }

  /**
   * Marks as recovered every failed attempt that a later attempt of the same call repaired, and
   * records one {@link Recovery} per repaired call. Keys are built only among siblings where
   * something failed, so healthy fan-outs cost nothing extra.
   */
  private void markRetries(List<SpanNode> siblings) {
    if (siblings.size() < 2 || !anyFailed(siblings)) {
      return;
    }
    Set<String> repaired = new HashSet<>();
    Map<String, Integer> failures = new HashMap<>();
    Map<String, SpanNode> lastFailed = new HashMap<>();
    for (int k = siblings.size() - 1; k >= 0; k--) {
      SpanNode sibling = siblings.get(k);
      String key = CallKey.of(sibling.span());
      if (!attemptFailed(sibling.index())) {
        repaired.add(key);
      } else if (repaired.contains(key)) {
        recovered[sibling.index()] = true;
        failures.merge(key, 1, Integer::sum);
        lastFailed.putIfAbsent(key, sibling);
      }
    }
    lastFailed.forEach((key, attempt) -> keep(attempt, Recovery.How.RETRIED, failures.get(key)));
  }

  private boolean anyFailed(List<SpanNode> siblings) {
    for (SpanNode sibling : siblings) {
      if (attemptFailed(sibling.index())) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether the call failed in itself or passed up a failure from below. */
  private boolean attemptFailed(int i) {
    return own[i] > NONE || (below[i] > NONE && own[i] != SUCCEEDED);
  }

  private byte passesUp(int i) {
    if (recovered[i] || own[i] == SUCCEEDED) {
      return NONE;
    }
    return (byte) Math.max(own[i], below[i]);
  }

  /**
   * Returns whether the child ran as queued work: a consumer, the child of a producer, or a span of
   * a linked trace hung under the producer that queued it.
   */
  private static boolean isAsyncEdge(SpanNode parent, SpanNode child) {
    return child.span().kind() == SpanKind.CONSUMER
        || parent.span().kind() == SpanKind.PRODUCER
        || !child.span().traceId().equals(parent.span().traceId());
  }

  private void keep(SpanNode attempt, Recovery.How how, int failures) {
    recoveryCount++;
    if (recoveries.size() < MAX_KEPT) {
      recoveries.add(recovery(attempt, how, failures));
    }
  }

  private Recovery recovery(SpanNode attempt, Recovery.How how, int failures) {
    SpanNode failed = firstFailedAtOrBelow(attempt);
    return new Recovery(
        failed.span(),
        how,
        failures,
        FailureRules.response(failed.span()),
        Optional.ofNullable(exceptions[failed.index()]));
  }

  /** Returns the node itself when it failed, else the first failing node on its carrying chain. */
  SpanNode firstFailedAtOrBelow(SpanNode node) {
    SpanNode current = node;
    for (int hops = 0; own[current.index()] != FAILED && hops < MAX_DESCENT; hops++) {
      SpanNode next = null;
      for (SpanNode child : current.children()) {
        if (!async[child.index()] && carry[child.index()] == FAILED) {
          next = child;
          break;
        }
      }
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  byte own(SpanNode node) {
    return own[node.index()];
  }

  /** Returns the strongest evidence this node passes to its parent, NONE when it passes none. */
  byte carry(SpanNode node) {
    return carry[node.index()];
  }

  /** Returns the strongest evidence its synchronous children pass up to it. */
  byte below(SpanNode node) {
    return below[node.index()];
  }

  boolean recovered(SpanNode node) {
    return recovered[node.index()];
  }

  /** Returns whether the edge from the node's parent to it is queued work. */
  boolean async(SpanNode node) {
    return async[node.index()];
  }

  /** Returns whether queued work somewhere under the node failed, unrepaired. */
  boolean asyncFailure(SpanNode node) {
    return asyncFailure[node.index()];
  }

  Optional<ExceptionInfo> exception(SpanNode node) {
    return Optional.ofNullable(exceptions[node.index()]);
  }

  /** Returns the recovered and absorbed failures, first failure first. */
  List<Recovery> recoveries() {
    List<Recovery> sorted = new ArrayList<>(recoveries);
    sorted.sort(
        Comparator.comparingLong((Recovery r) -> r.span().startEpochNanos())
            .thenComparing(r -> r.span().spanId()));
    return sorted;
  }

  /**
   * Records as absorbed a failure the verdict found handled: one under an entry that answered
   * anyway, or under a top other than the entry, which the entry never heard of.
   */
  void addUnattached(SpanNode node) {
    keep(node, Recovery.How.ABSORBED, 1);
  }

  /** Returns how many calls recovered, including those beyond the ones kept. */
  int recoveryCount() {
    return recoveryCount;
  }
}
