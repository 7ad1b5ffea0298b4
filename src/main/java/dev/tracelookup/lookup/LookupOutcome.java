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
   */
  record Found(
      LookupRequest request,
      List<TraceCard> traces,
      int totalMatched,
      List<String> warnings,
      boolean fromCache)
      implements LookupOutcome {
    public Found {
      Objects.requireNonNull(request, "request");
      traces = List.copyOf(traces);
      warnings = List.copyOf(warnings);
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
