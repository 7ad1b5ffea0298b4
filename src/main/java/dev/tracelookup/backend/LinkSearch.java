package dev.tracelookup.backend;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a search by span link (see {@link TraceBackend#searchLinkingTo}): the traces
 * found, that the backend cannot search by link at all, or why this search failed.
 */
public sealed interface LinkSearch
    permits LinkSearch.Found, LinkSearch.Unsupported, LinkSearch.Failed {

  /**
   * @param traces traces with a span linking into the queried trace, never that trace itself; whole
   *     where the backend returns them whole
   */
  record Found(List<TraceRef> traces) implements LinkSearch {
    public Found {
      traces = List.copyOf(traces);
    }
  }

  /**
   * The backend cannot search by span link.
   *
   * @param reason one sentence a support agent understands, e.g. {@code Jaeger cannot search by
   *     span link.}
   */
  record Unsupported(String reason) implements LinkSearch {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }

  record Failed(BackendFailure failure) implements LinkSearch {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
