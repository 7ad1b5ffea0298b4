package dev.tracelookup.trace;

import java.util.Objects;

/** A timed event on a span; OpenTelemetry records exceptions as events named {@code exception}. */
public record SpanEvent(String name, long epochNanos, Attributes attributes) {
  public static final String EXCEPTION = "exception";

  public SpanEvent {
    name = name == null ? "" : name;
    Objects.requireNonNull(attributes, "attributes");
  }

  public boolean isException() {
    return EXCEPTION.equals(name);
  }
}
