package dev.tracelookup.render;

import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.time.TimeFormat;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceSummary;
import dev.tracelookup.trace.Verdict;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the {@link TraceView} of an analysed trace. */
final class TraceViews {
  private static final int MAX_FRAMES = 8;
  private static final int MAX_FRAME = 200;

  private TraceViews() {}

  /** Returns the view of the trace, with its start also shown in {@code agentZone}. */
  static TraceView of(TraceAnalysis analysis, ZoneId agentZone) {
    TraceSummary summary = analysis.summary();
    String heading = heading(summary);
    String headline = VerdictText.headline(analysis);
    String details = details(summary, agentZone);
    List<String> notes = new ArrayList<>(VerdictText.notes(analysis));
    if (analysis.errorPath().isEmpty()) {
      noPathNote(summary).ifPresent(notes::add);
      return new TraceView(
          summary.traceId(),
          heading,
          headline,
          details,
          notes,
          List.of(),
          0,
          List.of(),
          "",
          List.of(),
          analysis.timeline());
    }
    ErrorPath path = analysis.errorPath().get();
    if (path.entryIsOrphan()) {
      notes.add(0, "The entry span was not returned; the path starts at " + stepName(path.entry()));
    }
    gapNote(path).ifPresent(notes::add);
    List<String> footnotes = new ArrayList<>();
    if (path.otherFailingBranches() > 0) {
      footnotes.add(otherBranches(path.otherFailingBranches()));
    }
    PathLines.Drawing drawing = PathLines.of(path);
    return new TraceView(
        summary.traceId(),
        heading,
        headline,
        details,
        notes,
        drawing.lines(),
        drawing.culpritLine(),
        frames(path.culprit()),
        RootCauseLine.of(summary, path, analysis.isLinked(path.culprit().span())),
        footnotes,
        analysis.timeline());
  }

  /**
   * Returns {@code Trace 4bf92f35… · 2026-02-06 14:17:23 UTC · 1.9 s · POST /api/v1/orders → 500}.
   */
  static String heading(TraceSummary summary) {
    return "Trace " + Texts.shortId(summary.traceId()) + " · " + line(summary);
  }

  /** Returns {@code 2026-02-06 14:17:23 UTC · 1.9 s · POST /api/v1/orders → 500}. */
  static String line(TraceSummary summary) {
    String root = Texts.clip(summary.rootName(), SpanLabels.MAX_NAME);
    String status =
        summary.verdict().response().map(r -> " → " + SpanLabels.response(r)).orElse("");
    if (summary.httpStatus() > 0) {
      status = " → " + summary.httpStatus();
    }
    return TimeFormat.utcTimestamp(summary.start())
        + " · "
        + DurationFormat.brief(summary.duration())
        + " · "
        + root
        + status;
  }

  private static String details(TraceSummary summary, ZoneId agentZone) {
    List<String> parts = new ArrayList<>();
    if (!TimeFormat.isUtc(agentZone)) {
      parts.add(TimeFormat.localClock(summary.start(), agentZone) + " " + agentZone.getId());
    }
    if (!Texts.oneLine(summary.rootService()).isEmpty()) {
      parts.add(Texts.clip(summary.rootService(), SpanLabels.MAX_NAME));
    }
    parts.add(count(summary.spanCount(), "span") + ", " + summary.failingSpans() + " failing");
    return String.join(" · ", parts);
  }

  /**
   * Returns a note when the path crosses a span that was never reported: the entry failed, nothing
   * under it explains why, and the explanation hangs under a missing parent.
   */
  private static Optional<String> gapNote(ErrorPath path) {
    List<PathStep> steps = path.steps();
    for (int i = 1; i < steps.size(); i++) {
      String parent = steps.get(i).span().parentSpanId();
      String previous = steps.get(i - 1).span().spanId();
      boolean sharedHalves = steps.get(i).span().spanId().equals(previous);
      if (!parent.equals(previous) && !sharedHalves) {
        return Optional.of(
            "A span between "
                + stepName(steps.get(i - 1))
                + " and "
                + stepName(steps.get(i))
                + " was not returned; the path continues below the gap");
      }
    }
    return Optional.empty();
  }

  private static List<String> frames(PathStep culprit) {
    return culprit.exception().stream()
        .flatMap(e -> e.stackFrames().stream())
        .limit(MAX_FRAMES)
        .map(frame -> Texts.clip(frame, MAX_FRAME))
        .collect(Collectors.toList());
  }

  private static String stepName(PathStep step) {
    return SpanLabels.withService(
        step.span().service(), Texts.clip(step.span().name(), SpanLabels.MAX_NAME));
  }

  private static Optional<String> noPathNote(TraceSummary summary) {
    if (summary.verdict().kind() == Verdict.Kind.SUCCEEDED) {
      return Optional.of(
          summary.failingSpans() > 0
              ? "No failure reached the customer."
              : "No span in this trace failed.");
    }
    return Optional.empty();
  }

  private static String otherBranches(int count) {
    return count == 1 ? "1 other failing branch" : count + " other failing branches";
  }

  /** Returns {@code 1 span}, {@code 3 spans}. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
