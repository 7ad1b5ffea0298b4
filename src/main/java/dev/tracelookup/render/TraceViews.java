package dev.tracelookup.render;

import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.RemotePeer;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceSummary;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
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
    String details = details(summary, agentZone);
    if (analysis.errorPath().isEmpty()) {
      List<String> notes = List.of(noPathNote(summary));
      return new TraceView(
          summary.traceId(), heading, details, notes, List.of(), 0, List.of(), "", List.of());
    }
    ErrorPath path = analysis.errorPath().get();
    List<String> notes = new ArrayList<>();
    if (path.entryIsOrphan()) {
      notes.add("The entry span was not returned; the path starts at " + stepName(path.entry()));
    }
    List<String> footnotes = new ArrayList<>();
    if (path.otherFailingBranches() > 0) {
      footnotes.add(otherBranches(path.otherFailingBranches()));
    }
    PathLines.Drawing drawing = PathLines.of(path);
    String rootCause = rootCause(path.culprit());
    return new TraceView(
        summary.traceId(),
        heading,
        details,
        notes,
        drawing.lines(),
        drawing.culpritLine(),
        frames(path.culprit()),
        rootCause,
        footnotes);
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
    String status = summary.httpStatus() > 0 ? " → " + summary.httpStatus() : "";
    return TimeFormats.utcTimestamp(summary.start())
        + " · "
        + TimeFormats.duration(summary.duration())
        + " · "
        + root
        + status;
  }

  private static String details(TraceSummary summary, ZoneId agentZone) {
    List<String> parts = new ArrayList<>();
    if (!TimeFormats.isUtc(agentZone)) {
      parts.add(TimeFormats.localClock(summary.start(), agentZone) + " " + agentZone.getId());
    }
    if (!Texts.oneLine(summary.rootService()).isEmpty()) {
      parts.add(Texts.clip(summary.rootService(), SpanLabels.MAX_NAME));
    }
    parts.add(count(summary.spanCount(), "span") + ", " + summary.failingSpans() + " failing");
    return String.join(" · ", parts);
  }

  private static String rootCause(PathStep culprit) {
    String label = SpanLabels.withStatus(culprit.span().name(), culprit.httpStatus());
    String why =
        culprit
            .exception()
            .map(SpanLabels::exception)
            .filter(t -> !t.isEmpty())
            .orElse(SpanLabels.statusMessage(culprit.span()));
    return "Root cause: "
        + SpanLabels.withService(culpritService(culprit), label)
        + (why.isEmpty() ? "" : ": " + why)
        + " ("
        + TimeFormats.utcClock(culprit.span().start())
        + ")";
  }

  /** Returns "caller → callee" for a failing call, else the span's own service. */
  private static String culpritService(PathStep culprit) {
    String own = culprit.span().service();
    return RemotePeer.of(culprit.span())
        .filter(peer -> !peer.equals(own))
        .map(peer -> own + " → " + Texts.clip(peer, SpanLabels.MAX_NAME))
        .orElse(own);
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

  private static String noPathNote(TraceSummary summary) {
    return summary.hasError()
        ? count(summary.failingSpans(), "span") + " failed, but no error path could be traced."
        : "No span in this trace failed.";
  }

  private static String otherBranches(int count) {
    return count == 1 ? "1 other failing branch" : count + " other failing branches";
  }

  /** Returns {@code 1 span}, {@code 3 spans}. */
  static String count(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
