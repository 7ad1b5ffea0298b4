package dev.tracelookup.lookup;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.util.Locale;

/**
 * The {@code lookup} span and the lookup metrics: {@code tracelookup.lookups} by outcome and cache
 * hit, {@code tracelookup.lookup.duration}, and {@code tracelookup.cache.requests} read from the
 * caches' own hit and miss counts. The customer appears only as {@link UserIdFingerprint}.
 */
final class LookupTelemetry {
  static final AttributeKey<Boolean> CACHE_HIT = AttributeKey.booleanKey("tracelookup.cache.hit");
  static final AttributeKey<Long> RESULT_COUNT = AttributeKey.longKey("tracelookup.result.count");
  static final AttributeKey<String> USER_FINGERPRINT =
      AttributeKey.stringKey("tracelookup.user.fingerprint");
  static final AttributeKey<String> CACHE = AttributeKey.stringKey("tracelookup.cache");
  static final AttributeKey<String> CACHE_RESULT =
      AttributeKey.stringKey("tracelookup.cache.result");

  private final Tracer tracer;
  private final String backendName;
  private final UserIdFingerprint fingerprints;
  private final LongCounter lookups;
  private final DoubleHistogram duration;

  LookupTelemetry(
      Telemetry telemetry, String backendName, LookupCache cache, UserIdFingerprint fingerprints) {
    this.fingerprints = fingerprints;
    this.tracer = telemetry.tracer();
    this.backendName = backendName;
    this.lookups =
        telemetry
            .meter()
            .counterBuilder("tracelookup.lookups")
            .setDescription("Lookups answered, by outcome and whether the cache answered")
            .build();
    this.duration =
        telemetry
            .meter()
            .histogramBuilder("tracelookup.lookup.duration")
            .setUnit("s")
            .setDescription("Time from a lookup's start to its outcome")
            .build();
    telemetry
        .meter()
        .counterBuilder("tracelookup.cache.requests")
        .setDescription("Cache reads by cache (lookups, traces) and result (hit, miss)")
        .buildWithCallback(
            measurement -> {
              observe(measurement, "lookups", cache.lookupStats());
              observe(measurement, "traces", cache.traceStats());
            });
  }

  /** Starts the span of one lookup; the caller makes it current and ends it. */
  Span start(LookupRequest request) {
    return tracer
        .spanBuilder("lookup")
        .setAttribute(TelemetryKeys.BACKEND, backendName)
        .setAttribute(USER_FINGERPRINT, fingerprints.of(request.userId()))
        .startSpan();
  }

  /** Records how the lookup ended on its span and in the metrics. */
  void record(Span span, LookupOutcome outcome, boolean cacheHit, long nanos) {
    String name = outcomeName(outcome);
    Attributes attributes =
        Attributes.of(
            TelemetryKeys.BACKEND, backendName, TelemetryKeys.OUTCOME, name, CACHE_HIT, cacheHit);
    span.setAllAttributes(attributes);
    span.setAttribute(
        RESULT_COUNT,
        outcome instanceof LookupOutcome.Found found ? (long) found.totalMatched() : 0L);
    if (outcome instanceof LookupOutcome.Failed failed) {
      String type = failed.failure().kind().name().toLowerCase(Locale.ROOT);
      span.setAttribute(TelemetryKeys.ERROR_TYPE, type);
      span.setStatus(StatusCode.ERROR, type);
    }
    lookups.add(1, attributes);
    duration.record(
        nanos / 1e9,
        Attributes.of(TelemetryKeys.BACKEND, backendName, TelemetryKeys.OUTCOME, name));
  }

  private static String outcomeName(LookupOutcome outcome) {
    if (outcome instanceof LookupOutcome.Found) {
      return "found";
    }
    return outcome instanceof LookupOutcome.NoTraces ? "no_traces" : "failed";
  }

  private static void observe(
      ObservableLongMeasurement measurement, String cache, CacheStats stats) {
    measurement.record(stats.hitCount(), Attributes.of(CACHE, cache, CACHE_RESULT, "hit"));
    measurement.record(stats.missCount(), Attributes.of(CACHE, cache, CACHE_RESULT, "miss"));
  }
}
