package dev.tracelookup.lookup;

import dev.tracelookup.backend.BackendFailure;
import java.util.List;
import java.util.Objects;

/** How a lookup ended: exactly one of these reaches the agent. */
public sealed interface LookupOutcome
    permits LookupOutcome.Found, LookupOutcome.NoTraces, LookupOutcome.Failed {

  LookupRequest request();

  /**
   * Traces were found.
   *
   * @param traces most relevant first, as {@link TraceRanking} orders them: what the customer saw
   *     (failed, refused, recovered, succeeded), then nearest the moment the customer named
   * @param totalMatched how many the backend matched (the card may show fewer)
   * @param page which page of the search these traces are, and whether another follows
   */
  record Found(
      LookupRequest request,
      List<TraceCard> traces,
      int totalMatched,
      List<String> warnings,
      boolean fromCache,
      Page page)
      implements LookupOutcome {
    public Found {
      Objects.requireNonNull(request, "request");
      traces = List.copyOf(traces);
      warnings = List.copyOf(warnings);
      page = page == null ? Page.ONLY : page;
    }

    /** Traces found, all on one page. */
    public Found(
        LookupRequest request,
        List<TraceCard> traces,
        int totalMatched,
        List<String> warnings,
        boolean fromCache) {
      this(request, traces, totalMatched, warnings, fromCache, Page.ONLY);
    }

    /** Returns the same traces, in {@code order}, marked as read from the cache or not. */
    Found with(List<TraceCard> order, boolean cached) {
      return new Found(request, order, totalMatched, warnings, cached, page);
    }
  }

  /**
   * One page of a search's traces. Page 1 is the lookup as it always was (the first {@code
   * lookup.max-traces} the backend named); page {@code n} holds the next ones a deeper search names
   * that no earlier page holds, read only when someone asks for it.
   *
   * @param number 1 for the first page
   * @param more the backend may hold more traces than this page and those before it
   */
  record Page(int number, boolean more) {
    /** A result that fits on one page. */
    public static final Page ONLY = new Page(1, false);

    public Page {
      if (number < 1) {
        throw new IllegalArgumentException("pages count from 1: " + number);
      }
    }
  }

  /** The backend answered, with nothing matching. */
  record NoTraces(LookupRequest request, List<String> warnings) implements LookupOutcome {
    public NoTraces {
      Objects.requireNonNull(request, "request");
      warnings = List.copyOf(warnings);
    }
  }

  /** The lookup could not be answered; {@code failure.userMessage()} says why and what to try. */
  record Failed(LookupRequest request, BackendFailure failure) implements LookupOutcome {
    public Failed {
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(failure, "failure");
    }
  }
}
