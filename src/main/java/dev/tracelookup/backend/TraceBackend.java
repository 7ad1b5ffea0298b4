package dev.tracelookup.backend;

import java.util.Optional;

/**
 * A trace store the bot can search by user ID and read traces from, and, where its API allows,
 * search by span link.
 *
 * <p>Implementations never throw for expected failures (unreachable, slow, rate-limited, bad
 * answers): they return them as values, so every lookup ends in an answer.
 */
public interface TraceBackend {

  /** Returns the name shown to people, e.g. {@code Tempo} or {@code demo files}. */
  String displayName();

  /** Finds the traces matching the query. */
  SearchResult search(TraceQuery query);

  /** Reads one whole trace by its normalised ID. */
  FetchResult fetch(String traceId);

  /**
   * Finds the traces in which some span links to a span of the query's trace: the work that trace
   * queued and that ran in traces of its own (a consumer links back to its producer). Never throws
   * for expected failures.
   *
   * <p>The default answers {@link LinkSearch.Unsupported} without a call, for backends whose API
   * cannot search by link.
   */
  default LinkSearch searchLinkingTo(LinkQuery query) {
    return new LinkSearch.Unsupported(displayName() + " cannot search by span link.");
  }

  /**
   * Counts the traces in the query's window that failed with its signature, and the customers on
   * them: the blast radius of one customer's failure. The query sent names no customer; what comes
   * back is counts only (a {@link FailureTally}), bounded by the query's limit and the lookup's
   * budget. Never throws for expected failures.
   *
   * <p>The default answers {@link SameFailureCount.Unsupported} without a call.
   */
  default SameFailureCount countSameFailure(SameFailureQuery query) {
    return new SameFailureCount.Unsupported(
        displayName() + " cannot count other customers with the same failure.");
  }

  /**
   * Returns the link that opens the trace in the backend's UI, focused on a span when one is given,
   * or empty when no UI is configured.
   */
  Optional<String> traceUrl(String traceId, Optional<String> focusSpanId);

  /**
   * Asks the backend, with one cheap call that carries no customer data, whether it answers now;
   * for readiness reports, which call it every few seconds at most. Never throws.
   *
   * <p>The default answers {@link CheckResult#OK} without a call, for backends with nothing cheap
   * to ask; every backend the bot ships overrides it.
   */
  default CheckResult check() {
    return CheckResult.OK;
  }
}
