package dev.tracelookup.incidents;

import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.RemotePeer;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TraceAnalysis;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What incident matching needs to know about a failing trace.
 *
 * @param at when it failed: the culprit span's start
 * @param services every service on the error path, and the service the culprit was calling
 * @param entryName the entry span's name, e.g. {@code POST /api/v1/orders}
 * @param culpritName the culprit span's name
 * @param httpStatus the culprit's HTTP status, 0 when it has none
 * @param exceptionType the culprit's exception type, when it recorded one
 */
public record TraceFailure(
    Instant at,
    Set<String> services,
    String entryName,
    String culpritName,
    int httpStatus,
    Optional<String> exceptionType) {

  public TraceFailure {
    Objects.requireNonNull(at, "at");
    services = Set.copyOf(services);
    entryName = entryName == null ? "" : entryName;
    culpritName = culpritName == null ? "" : culpritName;
    exceptionType =
        exceptionType == null ? Optional.empty() : exceptionType.filter(type -> !type.isBlank());
  }

  /** Returns the failure of an analysed trace, or empty when no span failed. */
  public static Optional<TraceFailure> of(TraceAnalysis analysis) {
    return analysis.errorPath().map(TraceFailure::of);
  }

  private static TraceFailure of(ErrorPath path) {
    PathStep culprit = path.culprit();
    Set<String> services = new LinkedHashSet<>();
    for (PathStep step : path.steps()) {
      services.add(step.span().service());
    }
    // A failed call implicates the called service as much as the caller, and incidents are
    // declared on the service that broke.
    RemotePeer.of(culprit.span()).ifPresent(services::add);
    services.remove(Span.UNKNOWN_SERVICE);
    return new TraceFailure(
        culprit.span().start(),
        services,
        path.entry().span().name(),
        culprit.span().name(),
        culprit.httpStatus(),
        culprit.exception().map(ExceptionInfo::type));
  }
}
