package dev.tracelookup.render;

import dev.tracelookup.trace.TraceAnalysis;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the same card and single trace as {@link CardRenderer}, as plain text for a terminal: no
 * markup, full trace IDs, and only giant strings and paths cut.
 */
public final class TextRenderer {
  // A path beyond this is elided around the culprit, as on Slack, only much later.
  private static final int MAX_PATH_CHARS = 100_000;
  private static final int MAX_TRACE_ID = 64;
  private static final int MAX_WARNING = 2_000;
  private static final int MAX_WATERFALL = 20_000;

  /** Returns the card as lines of text, ending with a line break. */
  public String card(CardContent content) {
    List<String> lines = new ArrayList<>();
    List<ShownTrace> traces = content.traces();
    int featured = CardRenderer.featuredIndex(traces);
    if (!traces.isEmpty()) {
      lines.add(VerdictText.headline(traces.get(featured).analysis()));
    }
    lines.add(CardSummary.line(content));
    content.warnings().forEach(w -> lines.add("⚠️ " + Texts.clip(w, MAX_WARNING)));
    if (traces.isEmpty()) {
      lines.add("No trace to show.");
    } else {
      lines.add("");
      trace(traces.get(featured), content.agentZone(), content.backendName(), false, lines);
    }
    content
        .incidents()
        .forEach(
            note ->
                lines.add(
                    note.icon()
                        + " "
                        + Texts.clip(note.text(), MAX_WARNING)
                        + note.url().map(url -> " · " + url).orElse("")));
    others(traces, featured, Math.max(0, content.totalMatched() - traces.size()), lines);
    return String.join("\n", lines) + "\n";
  }

  /** Returns one trace with its full error path, ending with a line break. */
  public String trace(ShownTrace card, ZoneId agentZone, String backendName) {
    List<String> lines = new ArrayList<>();
    trace(card, agentZone, backendName, true, lines);
    return String.join("\n", lines) + "\n";
  }

  private static void trace(
      ShownTrace card,
      ZoneId agentZone,
      String backendName,
      boolean withHeadline,
      List<String> lines) {
    TraceView view = TraceViews.of(card.analysis(), agentZone);
    if (withHeadline) {
      lines.add(view.headline());
    }
    lines.add(view.heading());
    lines.add(view.details());
    lines.addAll(view.notes());
    lines.addAll(LinePacker.elide(view.pathLines(), view.culpritLine(), MAX_PATH_CHARS));
    if (!view.culpritFrames().isEmpty()) {
      lines.add("  Stack:");
      view.culpritFrames().forEach(frame -> lines.add("    " + frame));
    }
    if (!view.rootCause().isEmpty()) {
      lines.add(view.rootCause());
    }
    Waterfall.lines(view.timeline(), MAX_WATERFALL).forEach(line -> lines.add("  " + line));
    lines.addAll(view.footnotes());
    lines.add("Trace ID: " + Texts.clip(view.traceId(), MAX_TRACE_ID));
    card.uiUrl()
        .ifPresent(
            url ->
                lines.add(
                    "Open in "
                        + Texts.clip(backendName, MAX_TRACE_ID)
                        + ": "
                        + Texts.oneLine(url)));
  }

  private static void others(
      List<ShownTrace> traces, int featured, int notFetched, List<String> lines) {
    if (traces.size() <= 1 && notFetched == 0) {
      return;
    }
    lines.add("");
    lines.add("Other traces");
    for (int i = 0; i < traces.size(); i++) {
      if (i != featured) {
        lines.add(row(traces.get(i).analysis()));
      }
    }
    if (notFetched > 0) {
      lines.add("  +" + TraceViews.count(notFetched, "more trace") + " not fetched");
    }
  }

  private static String row(TraceAnalysis analysis) {
    return "  "
        + TraceRows.row(analysis, "")
        + " · trace "
        + Texts.clip(analysis.summary().traceId(), MAX_TRACE_ID);
  }
}
