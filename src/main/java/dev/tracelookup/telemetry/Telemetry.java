package dev.tracelookup.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * Where a class records its spans and metrics: one instrumentation scope, {@value #SCOPE}, for the
 * whole bot. Classes take this in their constructor; none reaches for a global.
 */
public record Telemetry(Tracer tracer, Meter meter) {
  /** The instrumentation scope name every span and metric of the bot carries. */
  public static final String SCOPE = "dev.tracelookup";

  public Telemetry {
    Objects.requireNonNull(tracer, "tracer");
    Objects.requireNonNull(meter, "meter");
  }

  /** Returns the bot's tracer and meter from the given OpenTelemetry, SDK, agent or no-op. */
  public static Telemetry of(OpenTelemetry openTelemetry) {
    return new Telemetry(openTelemetry.getTracer(SCOPE), openTelemetry.getMeter(SCOPE));
  }

  /** Returns telemetry that records nothing, for tools and tests that do not look at it. */
  public static Telemetry noop() {
    return of(OpenTelemetry.noop());
  }
}
