package dev.tracelookup.trace;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the exception a span recorded, following the OpenTelemetry semantic conventions.
 *
 * <p>The first {@code exception} event wins; then an OpenTracing {@code error} log ({@code
 * error.kind}, {@code message}, {@code stack}), as older Jaeger clients wrote it and the
 * Collector's Jaeger receiver passes it on; then a log line at error level attached to the span.
 * Some Zipkin and Jaeger instrumentations put the exception keys on the span itself instead, so
 * span attributes are the fallback. A bare status message is not turned into an exception: it has
 * no type, and inventing one would mislead the reader.
 */
final class ExceptionReader {
  static final String TYPE = "exception.type";
  static final String MESSAGE = "exception.message";
  static final String STACKTRACE = "exception.stacktrace";
  static final int MAX_FRAMES = 3;
  // OpenTracing clients logged failures as event=error with error.kind, message and stack.
  static final String OPENTRACING_ERROR = "error";
  static final String[] OPENTRACING_KEYS = {"error.kind", "error.object", "message", "stack"};
  static final String[] LOG_LEVEL_KEYS = {"level", "log.severity", "severity"};
  static final String[] LOG_MESSAGE_KEYS = {"error", "message", "log.message"};

  private ExceptionReader() {}

  /** Returns the span's first recorded exception, or empty when it recorded none. */
  static Optional<ExceptionInfo> read(Span span) {
    for (SpanEvent event : span.events()) {
      if (event.isException() && describesException(event.attributes())) {
        return Optional.of(from(event.attributes()));
      }
    }
    for (SpanEvent event : span.events()) {
      if (event.name().equals(OPENTRACING_ERROR) && describesOpenTracingError(event.attributes())) {
        return Optional.of(fromOpenTracing(event.attributes()));
      }
    }
    if (span.attributes().contains(TYPE) || span.attributes().contains(MESSAGE)) {
      return Optional.of(from(span.attributes()));
    }
    for (SpanEvent event : span.events()) {
      if (isErrorLog(event)) {
        return Optional.of(new ExceptionInfo("", errorLogMessage(event), List.of()));
      }
    }
    return Optional.empty();
  }

  /**
   * Returns whether the event is a log line at error level, as log bridges (HotROD's zap bridge,
   * for one) attach them to spans: the failure's only description when no exception was recorded.
   */
  private static boolean isErrorLog(SpanEvent event) {
    return event
        .attributes()
        .first(LOG_LEVEL_KEYS)
        .map(level -> level.trim().equalsIgnoreCase("error"))
        .orElse(false);
  }

  private static String errorLogMessage(SpanEvent event) {
    return event
        .attributes()
        .first(LOG_MESSAGE_KEYS)
        .map(String::trim)
        .filter(message -> !message.isEmpty())
        .orElse(event.name().trim());
  }

  private static boolean describesOpenTracingError(Attributes attributes) {
    return attributes.contains("error.kind")
        || attributes.contains("error.object")
        || attributes.contains("message")
        || attributes.contains("stack");
  }

  /**
   * Reads an OpenTracing error log, as the Collector's Jaeger receiver passes it on as an event.
   */
  private static ExceptionInfo fromOpenTracing(Attributes attributes) {
    return new ExceptionInfo(
        attributes.first("error.kind", "error.object").map(String::trim).orElse(""),
        attributes.get("message").map(String::trim).orElse(""),
        frames(attributes.get("stack").orElse("")));
  }

  private static boolean describesException(Attributes attributes) {
    return attributes.contains(TYPE)
        || attributes.contains(MESSAGE)
        || attributes.contains(STACKTRACE);
  }

  private static ExceptionInfo from(Attributes attributes) {
    return new ExceptionInfo(
        attributes.get(TYPE).map(String::trim).orElse(""),
        attributes.get(MESSAGE).map(String::trim).orElse(""),
        frames(attributes.get(STACKTRACE).orElse("")));
  }

  /** Returns the first few {@code at ...} lines of a stack trace, trimmed. */
  private static List<String> frames(String stacktrace) {
    return stacktrace
        .lines()
        .map(String::trim)
        .filter(line -> line.startsWith("at "))
        .limit(MAX_FRAMES)
        .collect(Collectors.toList());
  }
}
