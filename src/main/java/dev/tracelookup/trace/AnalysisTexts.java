package dev.tracelookup.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Rewrites every free text of an analysis, for a reader who may not see all of it: service and span
 * names, status messages, exception types, messages and frames, attribute keys and values, event
 * names, and the attributes of span links, wherever they sit (summary, recoveries, error path, its
 * children, waterfall rows, trigger). IDs, times, counts and statuses stay, so the rewritten
 * analysis links and renders exactly like the original.
 *
 * <p>Without exception messages, an exception keeps its type and frames, the {@code
 * exception.message} and {@code exception.stacktrace} attributes (whose first line repeats the
 * message) go, and so does a status message that repeats an exception message.
 */
public final class AnalysisTexts {
  private static final Set<String> MESSAGE_KEYS =
      Set.of(ExceptionReader.MESSAGE, ExceptionReader.STACKTRACE);
  // OpenTracing error logs carry the message and the stack under these keys.
  private static final Set<String> OPENTRACING_MESSAGE_KEYS = Set.of("message", "stack");

  private final UnaryOperator<String> text;
  private final boolean exceptionMessages;

  private AnalysisTexts(UnaryOperator<String> text, boolean exceptionMessages) {
    // Analyses repeat their names and messages many times over; each distinct text is rewritten
    // once.
    Map<String, String> memo = new HashMap<>();
    this.text = original -> original.isEmpty() ? original : memo.computeIfAbsent(original, text);
    this.exceptionMessages = exceptionMessages;
  }

  /**
   * Returns the analysis with {@code text} applied to every free text in it.
   *
   * @param exceptionMessages keep exception messages (rewritten); false leaves them out
   */
  public static TraceAnalysis rewrite(
      TraceAnalysis analysis, UnaryOperator<String> text, boolean exceptionMessages) {
    return new AnalysisTexts(text, exceptionMessages).analysis(analysis);
  }

  private TraceAnalysis analysis(TraceAnalysis analysis) {
    return new TraceAnalysis(
        summary(analysis.summary()),
        analysis.errorPath().map(this::path),
        map(analysis.timeline(), this::row),
        analysis.trigger().map(this::trigger),
        analysis.linkedTraceIds());
  }

  private TraceSummary summary(TraceSummary summary) {
    Verdict verdict = summary.verdict();
    Verdict rewritten =
        new Verdict(
            verdict.kind(),
            verdict.response(),
            verdict.givenUp(),
            verdict.asynchronous(),
            verdict.entryMissing(),
            map(verdict.recoveries(), this::recovery));
    return new TraceSummary(
        summary.traceId(),
        summary.start(),
        summary.duration(),
        text.apply(summary.rootService()),
        text.apply(summary.rootName()),
        summary.httpStatus(),
        summary.spanCount(),
        summary.failingSpans(),
        rewritten);
  }

  private Recovery recovery(Recovery recovery) {
    return new Recovery(
        span(recovery.span(), recovery.exception()),
        recovery.how(),
        recovery.failures(),
        recovery.response(),
        recovery.exception().map(this::exception));
  }

  private ErrorPath path(ErrorPath path) {
    return new ErrorPath(
        map(path.steps(), this::step),
        path.otherFailingBranches(),
        path.otherCulpritSpanIds(),
        path.entryIsOrphan(),
        path.tookTheTime());
  }

  private PathStep step(PathStep step) {
    return new PathStep(
        span(step.span(), step.exception()),
        step.failing(),
        step.httpStatus(),
        step.exception().map(this::exception),
        map(step.children(), this::outcome),
        step.hiddenChildren(),
        step.attempts());
  }

  private SpanOutcome outcome(SpanOutcome child) {
    return new SpanOutcome(
        child.spanId(),
        text.apply(child.service()),
        text.apply(child.name()),
        child.failing(),
        child.httpStatus(),
        child.recovered(),
        child.grpcStatus());
  }

  private TimelineRow row(TimelineRow row) {
    return new TimelineRow(
        row.spanId(),
        row.traceId(),
        row.depth(),
        text.apply(row.service()),
        text.apply(row.name()),
        row.startEpochNanos(),
        row.durationNanos(),
        row.mark(),
        row.onPath(),
        row.culprit(),
        row.tookTheTime());
  }

  private Trigger trigger(Trigger trigger) {
    return new Trigger(
        trigger.traceId(),
        text.apply(trigger.service()),
        text.apply(trigger.name()),
        trigger.response());
  }

  private ExceptionInfo exception(ExceptionInfo exception) {
    return new ExceptionInfo(
        text.apply(exception.type()),
        exceptionMessages ? text.apply(exception.message()) : "",
        map(exception.stackFrames(), text));
  }

  /** Rewrites a span; {@code read} is the exception the analysis read from it, if any. */
  private Span span(Span span, Optional<ExceptionInfo> read) {
    List<SpanEvent> events = new ArrayList<>(span.events().size());
    for (SpanEvent event : span.events()) {
      boolean openTracingError = event.name().equals(ExceptionReader.OPENTRACING_ERROR);
      events.add(
          new SpanEvent(
              text.apply(event.name()),
              event.epochNanos(),
              attributes(event.attributes(), openTracingError)));
    }
    List<SpanLink> links = new ArrayList<>(span.links().size());
    for (SpanLink link : span.links()) {
      links.add(new SpanLink(link.traceId(), link.spanId(), attributes(link.attributes(), false)));
    }
    SpanStatus status = new SpanStatus(span.status().code(), statusMessage(span, read));
    return span.toBuilder()
        .service(text.apply(span.service()))
        .name(text.apply(span.name()))
        .status(status)
        .attributes(attributes(span.attributes(), false))
        .events(events)
        .links(links)
        .build();
  }

  private String statusMessage(Span span, Optional<ExceptionInfo> read) {
    String message = span.status().message();
    if (exceptionMessages || message.isBlank()) {
      return text.apply(message);
    }
    List<String> repeated = new ArrayList<>();
    read.map(ExceptionInfo::message).ifPresent(repeated::add);
    ExceptionReader.read(span).map(ExceptionInfo::message).ifPresent(repeated::add);
    for (String exception : repeated) {
      if (!exception.isBlank()
          && (message.contains(exception.strip()) || exception.contains(message.strip()))) {
        return "";
      }
    }
    return text.apply(message);
  }

  private Attributes attributes(Attributes attributes, boolean openTracingError) {
    if (attributes.isEmpty()) {
      return attributes;
    }
    Map<String, String> rewritten = new LinkedHashMap<>();
    for (Map.Entry<String, String> attribute : attributes.values().entrySet()) {
      String key = attribute.getKey();
      boolean message =
          MESSAGE_KEYS.contains(key)
              || (openTracingError && OPENTRACING_MESSAGE_KEYS.contains(key));
      if (exceptionMessages || !message) {
        // Two keys may become one once rewritten; the first keeps its value.
        rewritten.putIfAbsent(text.apply(key), text.apply(attribute.getValue()));
      }
    }
    return new Attributes(rewritten);
  }

  private static <T> List<T> map(List<T> values, UnaryOperator<T> rewrite) {
    List<T> rewritten = new ArrayList<>(values.size());
    for (T value : values) {
      rewritten.add(rewrite.apply(value));
    }
    return rewritten;
  }
}
