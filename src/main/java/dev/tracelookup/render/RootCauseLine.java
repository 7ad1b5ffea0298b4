package dev.tracelookup.render;

import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.time.TimeFormat;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.TraceSummary;
import dev.tracelookup.trace.Verdict;

/**
 * The root-cause line under a failed trace's headline: the one sentence an engineer reads to know
 * which span to open. The judgement of which span that is lives in {@code trace/ErrorPathFinder};
 * this class only words it.
 */
final class RootCauseLine {
  private RootCauseLine() {}

  /**
   * Returns {@code Root cause: order-svc → payment-svc · POST payment-svc/charge → 502 Bad Gateway:
   * ConnectionRefusedError: payment gateway timeout (14:17:23 UTC)}: the culprit, whom it called,
   * what it answered, how many attempts failed, and why; for a span named because it took the time,
   * how long it took.
   */
  static String of(TraceSummary summary, ErrorPath path, boolean linked) {
    PathStep culprit = path.culprit();
    String label = SpanLabels.withResponse(culprit.span().name(), culprit.response());
    if (culprit.attempts() > 1) {
      label += ", " + culprit.attempts() + " attempts";
    }
    String why = VerdictText.why(culprit).orElse("");
    if (path.tookTheTime()) {
      String took =
          "took "
              + DurationFormat.brief(culprit.span().duration())
              + "; "
              + Texts.clip(path.entry().span().name(), SpanLabels.MAX_NAME)
              + " gave up after "
              + DurationFormat.brief(path.entry().span().duration())
              + givenUpBy(summary.verdict());
      why = why.isEmpty() ? took : took + "; " + why;
    }
    String where =
        linked
            ? "Root cause, in linked trace " + Texts.shortId(culprit.span().traceId()) + ": "
            : "Root cause: ";
    return where
        + SpanLabels.withService(VerdictText.callerAndCallee(culprit.span()), label)
        + (why.isEmpty() ? "" : ": " + why)
        + " ("
        + TimeFormat.utcClock(culprit.span().start())
        + ")";
  }

  private static String givenUpBy(Verdict verdict) {
    return verdict.response().map(r -> " with " + SpanLabels.response(r)).orElse("");
  }
}
