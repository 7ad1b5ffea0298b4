package dev.tracelookup.trace;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds two reports of the same span into one, losing no information.
 *
 * <p>Backends repeat spans: Zipkin stores each reporter's fragment of a span separately, and a
 * collector retry can deliver a span twice. Where the copies disagree, the copy with more
 * information wins (ties go to the first reported); empty fields are filled from the other copy. An
 * ERROR status on either copy survives, because losing it would hide the failure.
 */
final class SpanMerger {
  private SpanMerger() {}

  /** Returns one span carrying what both copies recorded; {@code first} may be null. */
  static Span merge(Span first, Span second) {
    if (first == null) {
      return second;
    }
    Span base = richness(second) > richness(first) ? second : first;
    Span extra = base == first ? second : first;
    return new Span(
        base.traceId(),
        base.spanId(),
        base.parentSpanId().isEmpty() ? extra.parentSpanId() : base.parentSpanId(),
        Span.UNKNOWN_SERVICE.equals(base.service()) ? extra.service() : base.service(),
        base.name().isEmpty() ? extra.name() : base.name(),
        base.kind() == SpanKind.UNSPECIFIED ? extra.kind() : base.kind(),
        base.startEpochNanos() == 0 ? extra.startEpochNanos() : base.startEpochNanos(),
        base.durationNanos() == 0 ? extra.durationNanos() : base.durationNanos(),
        status(base.status(), extra.status()),
        attributes(base.attributes(), extra.attributes()),
        events(base, extra),
        links(base, extra));
  }

  private static int richness(Span span) {
    int score = span.attributes().size() + span.events().size();
    score += span.status().code() == StatusCode.UNSET ? 0 : 1;
    score += span.durationNanos() > 0 ? 1 : 0;
    return score + (span.parentSpanId().isEmpty() ? 0 : 1);
  }

  private static SpanStatus status(SpanStatus base, SpanStatus extra) {
    SpanStatus chosen = rank(extra.code()) > rank(base.code()) ? extra : base;
    SpanStatus other = chosen == base ? extra : base;
    if (chosen.message().isEmpty() && other.code() == chosen.code()) {
      return other;
    }
    return chosen;
  }

  private static int rank(StatusCode code) {
    switch (code) {
      case ERROR:
        return 2;
      case OK:
        return 1;
      default:
        return 0;
    }
  }

  private static Attributes attributes(Attributes base, Attributes extra) {
    if (extra.isEmpty()) {
      return base;
    }
    Map<String, String> merged = new LinkedHashMap<>(extra.values());
    merged.putAll(base.values());
    return new Attributes(merged);
  }

  private static List<SpanLink> links(Span base, Span extra) {
    if (extra.links().isEmpty()) {
      return base.links();
    }
    Set<SpanLink> merged = new LinkedHashSet<>(base.links());
    merged.addAll(extra.links());
    return List.copyOf(merged);
  }

  private static List<SpanEvent> events(Span base, Span extra) {
    Set<SpanEvent> merged = new LinkedHashSet<>(base.events());
    merged.addAll(extra.events());
    return List.copyOf(merged);
  }
}
