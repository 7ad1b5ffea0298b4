package dev.tracelookup.demo;

import dev.tracelookup.trace.SpanKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Makes the spans of one demo trace, timed in milliseconds from the trace's start. */
final class TraceBuilder {
  private final Random random;
  private final String traceId;
  private final long startNanos;
  private final int pod;
  private final List<DemoSpan> spans = new ArrayList<>();

  TraceBuilder(Random random, String traceId, Instant start) {
    this.random = random;
    this.traceId = traceId;
    this.startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    this.pod = random.nextInt(2);
  }

  /** Returns a random trace ID: 16 bytes in lower-case hex. */
  static String randomTraceId(Random random) {
    return hex(random, 16);
  }

  DemoSpan root(
      DemoService service, DemoService.Scope scope, String name, SpanKind kind, double durationMs) {
    return add("", service, scope, name, kind, 0, durationMs);
  }

  DemoSpan child(
      DemoSpan parent,
      DemoService service,
      DemoService.Scope scope,
      String name,
      SpanKind kind,
      double offsetMs,
      double durationMs) {
    return add(parent.spanId, service, scope, name, kind, offsetMs, durationMs);
  }

  /** Returns a duration of about the given milliseconds, give or take a fifth. */
  double about(double ms) {
    return ms * (0.8 + 0.4 * random.nextDouble());
  }

  List<DemoSpan> spans() {
    return List.copyOf(spans);
  }

  private DemoSpan add(
      String parentSpanId,
      DemoService service,
      DemoService.Scope scope,
      String name,
      SpanKind kind,
      double offsetMs,
      double durationMs) {
    long start = startNanos + micros(offsetMs);
    DemoSpan span =
        new DemoSpan(
            traceId,
            hex(random, 8),
            parentSpanId,
            service,
            scope,
            name,
            kind,
            start,
            start + micros(durationMs),
            pod);
    spans.add(span);
    return span;
  }

  private static long micros(double ms) {
    return Math.round(ms * 1000) * 1000L;
  }

  private static String hex(Random random, int bytes) {
    StringBuilder hex = new StringBuilder(bytes * 2);
    for (int i = 0; i < bytes; i++) {
      hex.append(String.format("%02x", random.nextInt(256)));
    }
    return hex.toString();
  }
}
