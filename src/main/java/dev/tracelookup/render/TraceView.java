package dev.tracelookup.render;

import dev.tracelookup.trace.TimelineRow;
import java.util.List;
import java.util.Objects;

/**
 * What a card shows about one trace, as plain one-line texts that the Slack and terminal renderers
 * lay out each in their own way.
 *
 * @param heading {@code Trace 4bf92f35… · 2026-02-06 14:17:23 UTC · 1.9 s · POST /api/v1/orders →
 *     500}
 * @param headline what the customer saw: {@code ❌ Failed: POST /api/v1/orders answered 500 Internal
 *     Server Error after 1.9 s}
 * @param details the start in the agent's zone, the entry service and the span counts
 * @param notes what the reader must know before the path (a missing span, a trigger, recoveries)
 * @param pathLines the indented error path, see {@link PathLines}
 * @param culpritLine the index in {@code pathLines} of the line naming the culprit
 * @param culpritFrames the first stack frames of the culprit's exception
 * @param rootCause {@code Root cause: …}, or empty when the customer saw no failure
 * @param footnotes what the path leaves out (other failing branches)
 * @param timeline the rows of the compact waterfall
 */
record TraceView(
    String traceId,
    String heading,
    String headline,
    String details,
    List<String> notes,
    List<String> pathLines,
    int culpritLine,
    List<String> culpritFrames,
    String rootCause,
    List<String> footnotes,
    List<TimelineRow> timeline) {

  TraceView {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(heading, "heading");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(details, "details");
    notes = List.copyOf(notes);
    pathLines = List.copyOf(pathLines);
    culpritFrames = List.copyOf(culpritFrames);
    Objects.requireNonNull(rootCause, "rootCause");
    footnotes = List.copyOf(footnotes);
    timeline = List.copyOf(timeline);
  }
}
