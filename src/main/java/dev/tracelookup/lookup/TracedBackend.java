package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.SameFailureCount;
import dev.tracelookup.backend.SameFailureQuery;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link TraceBackend} that records a span ({@code backend.search}, {@code backend.fetch}, {@code
 * backend.link_search}) and a {@code tracelookup.backend.duration} measurement for every call of
 * the one it wraps; the HTTP calls a backend makes become the span's children. The query's user ID
 * is never recorded.
 */
final class TracedBackend implements TraceBackend {
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("tracelookup.operation");
  static final AttributeKey<Long> TRACE_COUNT = AttributeKey.longKey("tracelookup.trace.count");

  private final TraceBackend backend;
  private final Tracer tracer;
  private final DoubleHistogram duration;

  TracedBackend(TraceBackend backend, Telemetry telemetry) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.tracer = telemetry.tracer();
    this.duration =
        telemetry
            .meter()
            .histogramBuilder("tracelookup.backend.duration")
            .setUnit("s")
            .setDescription("Duration of trace backend searches and fetches, retries included")
            .build();
  }

  @Override
  public String displayName() {
    return backend.displayName();
  }

  @Override
  public SearchResult search(TraceQuery query) {
    return traced(
        "search",
        () -> backend.search(query),
        (result, span) -> {
          if (result instanceof SearchResult.Failed failed) {
            return Optional.of(failed.failure());
          }
          span.setAttribute(TRACE_COUNT, (long) ((SearchResult.Found) result).traces().size());
          return Optional.empty();
        });
  }

  @Override
  public FetchResult fetch(String traceId) {
    return traced(
        "fetch",
        () -> backend.fetch(traceId),
        (result, span) ->
            result instanceof FetchResult.Failed failed
                ? Optional.of(failed.failure())
                : Optional.empty());
  }

  /** Traced as {@code backend.same_failure_count}; the span carries counts only. */
  @Override
  public SameFailureCount countSameFailure(SameFailureQuery query) {
    return traced(
        "same_failure_count",
        () -> backend.countSameFailure(query),
        (result, span) -> {
          if (result instanceof SameFailureCount.Failed failed) {
            return Optional.of(failed.failure());
          }
          if (result instanceof SameFailureCount.Counted counted) {
            span.setAttribute(TRACE_COUNT, (long) counted.tally().traces());
          }
          return Optional.empty();
        });
  }

  /** Traced as {@code backend.link_search}; an unsupported search is not a failure. */
  @Override
  public LinkSearch searchLinkingTo(LinkQuery query) {
    return traced(
        "link_search",
        () -> backend.searchLinkingTo(query),
        (result, span) -> {
          if (result instanceof LinkSearch.Failed failed) {
            return Optional.of(failed.failure());
          }
          if (result instanceof LinkSearch.Found found) {
            span.setAttribute(TRACE_COUNT, (long) found.traces().size());
          }
          return Optional.empty();
        });
  }

  @Override
  public Optional<String> traceUrl(String traceId, Optional<String> focusSpanId) {
    return backend.traceUrl(traceId, focusSpanId);
  }

  @Override
  public CheckResult check() {
    return backend.check();
  }

  /**
   * Reads what a result says about the call: its failure, if any; may add attributes to the span.
   */
  @FunctionalInterface
  private interface Outcome<T> {
    Optional<BackendFailure> failure(T result, Span span);
  }

  private <T> T traced(String operation, Supplier<T> call, Outcome<T> outcome) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(TelemetryKeys.BACKEND, backend.displayName())
            .put(OPERATION, operation);
    Span span =
        tracer.spanBuilder("backend." + operation).setAllAttributes(attributes.build()).startSpan();
    long started = System.nanoTime();
    try (Scope ignored = span.makeCurrent()) {
      T result = call.get();
      Optional<BackendFailure> failure = outcome.failure(result, span);
      attributes.put(TelemetryKeys.OUTCOME, failure.isPresent() ? "failed" : "ok");
      failure.ifPresent(
          failed -> {
            String type = failed.kind().name().toLowerCase(Locale.ROOT);
            attributes.put(TelemetryKeys.ERROR_TYPE, type);
            span.setStatus(StatusCode.ERROR, type);
          });
      Attributes recorded = attributes.build();
      span.setAllAttributes(recorded);
      duration.record((System.nanoTime() - started) / 1e9, recorded);
      return result;
    } finally {
      span.end();
    }
  }
}
