package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.trace.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The sentences an agent reads when span links could not all be followed. */
final class LinkWarnings {
  private static final int NAMES_SHOWN = 3;

  private LinkWarnings() {}

  /**
   * Returns one warning per reason the backend gave for not searching by link, and per failure,
   * naming the queued work: "This trace queued work (orders publish), but work that ran in a trace
   * of its own is not shown. Jaeger cannot search by span link."
   *
   * @param searches each searched trace's answer
   * @param queued each searched trace's producer spans without a consumer in the trace
   */
  static List<String> ofSearches(Map<String, LinkSearch> searches, Map<String, List<Span>> queued) {
    Map<String, List<Span>> unsupported = new LinkedHashMap<>();
    Map<String, Integer> unsupportedTraces = new LinkedHashMap<>();
    Map<String, List<Span>> failed = new LinkedHashMap<>();
    Map<String, Integer> failedTraces = new LinkedHashMap<>();
    queued.forEach(
        (traceId, producers) -> {
          LinkSearch result = searches.get(traceId);
          if (result instanceof LinkSearch.Unsupported refused) {
            add(refused.reason(), producers, unsupported, unsupportedTraces);
          } else if (result instanceof LinkSearch.Failed failure) {
            add(failure.failure().userMessage(), producers, failed, failedTraces);
          }
        });
    List<String> warnings = new ArrayList<>();
    unsupported.forEach(
        (reason, producers) -> {
          int traces = unsupportedTraces.get(reason);
          warnings.add(
              queuedWork(traces, producers)
                  + ", but work that ran in "
                  + (traces == 1 ? "a trace of its own" : "traces of their own")
                  + " is not shown. "
                  + reason);
        });
    failed.forEach(
        (message, producers) ->
            warnings.add(
                queuedWork(failedTraces.get(message), producers)
                    + ", but the traces that work ran in could not be searched for. "
                    + message));
    return warnings;
  }

  /**
   * Returns a warning when linked traces could not be read; traces no longer there are not worth
   * one.
   */
  static Optional<String> ofReads(Collection<FetchResult> reads) {
    int failed = 0;
    BackendFailure last = null;
    for (FetchResult read : reads) {
      if (read instanceof FetchResult.Failed failure) {
        failed++;
        last = failure.failure();
      }
    }
    return failed == 0
        ? Optional.empty()
        : Optional.of(
            (failed == 1 ? "1 linked trace" : failed + " linked traces")
                + " could not be read, so queued work or the request behind it may be missing. "
                + last.userMessage());
  }

  private static void add(
      String key,
      List<Span> producers,
      Map<String, List<Span>> spans,
      Map<String, Integer> traces) {
    spans.computeIfAbsent(key, k -> new ArrayList<>()).addAll(producers);
    traces.merge(key, 1, Integer::sum);
  }

  private static String queuedWork(int traces, List<Span> producers) {
    return (traces == 1 ? "This trace" : traces + " traces")
        + " queued work ("
        + QueuedWork.names(producers, NAMES_SHOWN)
        + ")";
  }
}
