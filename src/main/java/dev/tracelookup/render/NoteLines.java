package dev.tracelookup.render;

import dev.tracelookup.trace.TraceAnalysis;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace's texts as the card words them, for a note written somewhere else (a ticket): the same
 * verdict, error path and root cause the agent read, in plain text, times in UTC, since the note's
 * readers are in any zone.
 */
public final class NoteLines {
  private NoteLines() {}

  /**
   * One trace in words.
   *
   * @param heading {@code Trace 4bf92f35… · 2026-02-06 14:17:23 UTC · 1.9 s · POST /api/v1/orders →
   *     500}
   * @param verdict what the customer saw
   * @param path the indented error path; empty when nothing failed
   * @param rootCause {@code Root cause: …}, when something failed
   */
  public record Lines(
      String heading, String verdict, List<String> path, Optional<String> rootCause) {
    public Lines {
      Objects.requireNonNull(heading, "heading");
      Objects.requireNonNull(verdict, "verdict");
      path = List.copyOf(path);
      rootCause = rootCause == null ? Optional.empty() : rootCause;
    }
  }

  public static Lines of(TraceAnalysis analysis) {
    TraceView view = TraceViews.of(analysis, ZoneOffset.UTC);
    return new Lines(
        view.heading(),
        view.headline(),
        view.pathLines(),
        view.rootCause().isEmpty() ? Optional.empty() : Optional.of(view.rootCause()));
  }
}
