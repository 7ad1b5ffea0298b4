package dev.tracelookup.trace;

import java.util.List;
import java.util.Optional;

/**
 * Reads the verdict of a trace as a careful on-call engineer does: first what the entry span
 * returned to the customer, then the evidence under it.
 *
 * <ul>
 *   <li>The entry's own answer decides when it gives one: 5xx, 499 and server-fault gRPC codes are
 *       failures, other 4xx and client-fault gRPC codes refusals, and an ERROR status on an entry
 *       that answered 2xx (a GraphQL error, say) is still a failure.
 *   <li>An entry that gave no status code failed when its own status says so. A server or consumer
 *       span is instrumented by a framework that marks its own failures (Brave even leaves 2xx
 *       untagged), so whatever failed under one that says nothing was handled. A manual root (a
 *       job, a browser click) says nothing either way, so a real failure (not only a logged
 *       exception) that reached it unanswered is what the customer saw.
 *   <li>A success whose queued work failed later is a failure the customer meets afterwards.
 *   <li>A success with failures that were retried or absorbed is "recovered"; they never lead.
 *   <li>Without a root span the trace is partial: the verdict is read from the worst of the spans
 *       that have no parent in it, and says so.
 * </ul>
 */
final class VerdictJudge {
  private VerdictJudge() {}

  /** The verdict, and where the error path starts and whether it starts by following time. */
  record Judged(Verdict verdict, SpanNode start, boolean givenUp) {}

  /** Judges the tree; {@code entry} is its earliest real root, or empty when it has none. */
  static Judged judge(SpanTree tree, Evidence evidence, Optional<SpanNode> entry) {
    if (entry.isEmpty()) {
      return partial(tree, evidence);
    }
    SpanNode node = entry.get();
    Answer answer = answer(node, evidence);
    if (answer.kind.isFailure()) {
      return new Judged(
          new Verdict(answer.kind, answer.response, answer.givenUp, false, false, kept(evidence)),
          node,
          answer.givenUp);
    }
    if (evidence.asyncFailure(node)) {
      return new Judged(
          new Verdict(Verdict.Kind.FAILED, answer.response, false, true, false, kept(evidence)),
          node,
          false);
    }
    for (SpanNode child : node.children()) {
      // Failures that reached an entry which says nothing and still answered: it handled them.
      if (evidence.own(node) != Evidence.SUCCEEDED
          && !evidence.async(child)
          && evidence.carry(child) == Evidence.FAILED) {
        evidence.addUnattached(child);
      }
    }
    for (SpanNode top : tree.tops()) {
      if (top != node && evidence.carry(top) == Evidence.FAILED) {
        evidence.addUnattached(top);
      }
    }
    Verdict.Kind kind =
        evidence.recoveryCount() > 0 ? Verdict.Kind.RECOVERED : Verdict.Kind.SUCCEEDED;
    return new Judged(
        new Verdict(kind, answer.response, false, false, false, kept(evidence)), node, false);
  }

  /** Judges a trace without a root from its worst top; ties go to the earliest. */
  private static Judged partial(SpanTree tree, Evidence evidence) {
    SpanNode worst = null;
    Answer worstAnswer = null;
    for (SpanNode top : tree.tops()) {
      Answer answer = answer(top, evidence);
      if (worst == null || answer.kind.ordinal() < worstAnswer.kind.ordinal()) {
        worst = top;
        worstAnswer = answer;
      }
    }
    Verdict.Kind kind = worstAnswer.kind;
    if (!kind.isFailure()) {
      kind = evidence.recoveryCount() > 0 ? Verdict.Kind.RECOVERED : Verdict.Kind.SUCCEEDED;
    }
    return new Judged(
        new Verdict(kind, worstAnswer.response, worstAnswer.givenUp, false, true, kept(evidence)),
        worst,
        worstAnswer.givenUp);
  }

  private static List<Recovery> kept(Evidence evidence) {
    List<Recovery> all = evidence.recoveries();
    return all.subList(0, Math.min(all.size(), Verdict.MAX_RECOVERIES));
  }

  /** What one span answered, as the verdict reads it. */
  private static final class Answer {
    final Verdict.Kind kind;
    final Optional<ResponseStatus> response;
    final boolean givenUp;

    Answer(Verdict.Kind kind, Optional<ResponseStatus> response, boolean givenUp) {
      this.kind = kind;
      this.response = response;
      this.givenUp = givenUp;
    }
  }

  private static boolean reportsItsOwnOutcome(Span span) {
    return span.kind() == SpanKind.SERVER || span.kind() == SpanKind.CONSUMER;
  }

  private static Answer answer(SpanNode node, Evidence evidence) {
    Span span = node.span();
    Optional<ResponseStatus> response = FailureRules.response(span);
    boolean errorStatus = span.status().code() == StatusCode.ERROR;
    boolean givenUp = FailureRules.isGivenUp(span, evidence.exception(node));
    if (response.isPresent()) {
      ResponseStatus status = response.get();
      if (status.isRefusal()) {
        return new Answer(Verdict.Kind.REFUSED, response, false);
      }
      if (!status.isSuccess()) {
        return new Answer(Verdict.Kind.FAILED, response, givenUp);
      }
      return errorStatus
          ? new Answer(Verdict.Kind.FAILED, response, givenUp)
          : new Answer(Verdict.Kind.SUCCEEDED, response, false);
    }
    byte own = evidence.own(node);
    if (own == Evidence.FAILED) {
      return new Answer(Verdict.Kind.FAILED, response, givenUp);
    }
    if (own != Evidence.SUCCEEDED
        && evidence.below(node) == Evidence.FAILED
        && !reportsItsOwnOutcome(span)) {
      return new Answer(Verdict.Kind.FAILED, response, false);
    }
    return new Answer(Verdict.Kind.SUCCEEDED, response, false);
  }
}
