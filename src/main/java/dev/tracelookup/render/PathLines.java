package dev.tracelookup.render;

import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.ResponseStatus;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Draws an error path as indented lines: each step's children marked ✅, ❌ or 🔁 (failed, then
 * retried successfully), the next step expanded beneath its line, the exception where it was
 * raised.
 *
 * <pre>
 *   ✅ order.validate
 *   ❌ payment.process_charge
 *      ❌ POST payment-svc/charge → 502 Bad Gateway
 *         ConnectionRefusedError: payment gateway timeout
 *   ✅ audit.record
 * </pre>
 *
 * <p>Built without recursion: a path from a deep trace can have thousands of steps.
 */
final class PathLines {
  static final int MAX_CHILDREN_SHOWN = 10;
  // Deeper steps keep this indentation, so that a line stays readable on a phone.
  private static final int MAX_INDENT_DEPTH = 12;
  private static final int MAX_LINE = 500;

  private PathLines() {}

  /** The drawn lines and the index of the line naming the culprit, the one never to cut away. */
  record Drawing(List<String> lines, int culpritLine) {
    Drawing {
      lines = List.copyOf(lines);
    }
  }

  /** Returns the lines below the entry span's heading, entry children first. */
  static Drawing of(ErrorPath path) {
    List<PathStep> steps = path.steps();
    List<String> lines = new ArrayList<>();
    Deque<List<String>> after = new ArrayDeque<>();
    int culpritLine = 0;
    for (int depth = 0; depth < steps.size(); depth++) {
      PathStep step = steps.get(depth);
      if (depth == steps.size() - 1) {
        // The previous step's children end with this step's own line (see children()).
        culpritLine = Math.max(0, lines.size() - 1);
      }
      Optional<PathStep> next =
          depth + 1 < steps.size() ? Optional.of(steps.get(depth + 1)) : Optional.empty();
      Optional<String> exception = exceptionLine(step, next);
      if (exception.isPresent()) {
        lines.add(line(depth, exception.get()));
      }
      after.push(children(step, next, depth, lines));
    }
    while (!after.isEmpty()) {
      lines.addAll(after.pop());
    }
    return new Drawing(lines, culpritLine);
  }

  /**
   * Adds the step's children up to and including the next step to {@code lines}; returns the lines
   * that come after the next step's subtree.
   */
  private static List<String> children(
      PathStep step, Optional<PathStep> next, int depth, List<String> lines) {
    String nextId = next.map(n -> n.span().spanId()).orElse("");
    List<SpanOutcome> shown = shownChildren(step.children(), nextId);
    int hidden = step.hiddenChildren() + step.children().size() - shown.size();
    List<String> target = lines;
    List<String> trailing = new ArrayList<>();
    for (SpanOutcome child : shown) {
      String text = childText(step, child);
      if (child.spanId().equals(nextId)) {
        text += attempts(next.get());
      }
      target.add(line(depth, text));
      if (child.spanId().equals(nextId)) {
        target = trailing;
      }
    }
    if (hidden > 0) {
      target.add(line(depth, "+" + hidden + " more"));
    }
    if (next.isPresent() && target == lines) {
      // The next step is not a listed child (left out by the analyzer, or re-attached orphan).
      lines.add(line(depth, stepText(step, next.get()) + attempts(next.get())));
    }
    return trailing;
  }

  /**
   * Returns the children to list: the next step, then failing ones, then the rest, in start order.
   */
  private static List<SpanOutcome> shownChildren(List<SpanOutcome> children, String nextId) {
    if (children.size() <= MAX_CHILDREN_SHOWN) {
      return children;
    }
    int failingRoom = MAX_CHILDREN_SHOWN - 1;
    long failing = children.stream().filter(c -> c.failing() && !c.spanId().equals(nextId)).count();
    long okRoom = Math.max(0, failingRoom - failing);
    boolean nextKept = false;
    List<SpanOutcome> kept = new ArrayList<>();
    for (SpanOutcome child : children) {
      if (!nextKept && child.spanId().equals(nextId)) {
        nextKept = true;
        kept.add(child);
      } else if (child.failing() && failingRoom > 0) {
        failingRoom--;
        kept.add(child);
      } else if (!child.failing() && okRoom > 0) {
        okRoom--;
        kept.add(child);
      }
    }
    return kept;
  }

  private static String childText(PathStep parent, SpanOutcome child) {
    String label = SpanLabels.withResponse(child.name(), child.response());
    if (!child.service().isEmpty() && !child.service().equals(parent.span().service())) {
      label = SpanLabels.withService(child.service(), label);
    }
    String marker = child.recovered() ? VerdictText.RECOVERED : SpanLabels.marker(child.failing());
    return marker + " " + label + (child.recovered() ? " (retried)" : "");
  }

  /** Returns {@code (3 attempts)} for a call whose retries all failed, else nothing. */
  private static String attempts(PathStep step) {
    return step.attempts() > 1 ? " (" + step.attempts() + " attempts)" : "";
  }

  private static String stepText(PathStep parent, PathStep step) {
    Span span = step.span();
    return childText(
        parent,
        new SpanOutcome(
            span.spanId(),
            span.service(),
            span.name(),
            step.failing(),
            step.httpStatus(),
            false,
            step.response().flatMap(ResponseStatus::grpcStatus)));
  }

  /**
   * Returns the exception line for the step, shown only where the exception was raised: a step that
   * re-records the exception of the step below it would repeat the same line at every level.
   */
  private static Optional<String> exceptionLine(PathStep step, Optional<PathStep> next) {
    Optional<ExceptionInfo> own = step.exception();
    boolean repeatedBelow =
        own.isPresent()
            && next.flatMap(PathStep::exception)
                .filter(e -> sameException(e, own.get()))
                .isPresent();
    if (repeatedBelow) {
      return Optional.empty();
    }
    Optional<String> text = own.map(SpanLabels::exception).filter(t -> !t.isEmpty());
    if (text.isEmpty() && next.isEmpty()) {
      return Optional.of(SpanLabels.statusMessage(step.span())).filter(t -> !t.isEmpty());
    }
    return text;
  }

  private static boolean sameException(ExceptionInfo a, ExceptionInfo b) {
    return a.type().equals(b.type()) && a.message().equals(b.message());
  }

  private static String line(int depth, String text) {
    String indent = "  " + "   ".repeat(Math.min(depth, MAX_INDENT_DEPTH));
    return Texts.truncate(indent + text, MAX_LINE);
  }
}
