package dev.tracelookup.render;

import dev.tracelookup.trace.TraceAnalysis;

/** One line per trace in a card's list of other traces, the same in Slack and on the terminal. */
final class TraceRows {
  private TraceRows() {}

  /**
   * Returns {@code ❌ 8a1b2c3d… · 2026-02-06 14:21:05 UTC · 1.2 s · POST /api/v1/orders → 500 ·
   * payment-svc: ConnectionRefusedError}: the verdict's marker, the trace, and its culprit in a few
   * words, so each failure in the list names its own cause.
   *
   * @param shortId the trace ID as the row shows it, or empty to leave it out
   */
  static String row(TraceAnalysis analysis, String shortId) {
    String brief = VerdictText.brief(analysis);
    return VerdictText.marker(analysis.verdict())
        + " "
        + (shortId.isEmpty() ? "" : shortId + " · ")
        + TraceViews.line(analysis.summary())
        + (brief.isEmpty() ? "" : " · " + brief);
  }
}
