package dev.tracelookup.backend;

import java.util.Objects;

/**
 * The outcome of counting a failure's other occurrences (see {@link
 * TraceBackend#countSameFailure}): counts, that the backend cannot search for it, or why this count
 * failed.
 */
public sealed interface SameFailureCount
    permits SameFailureCount.Counted, SameFailureCount.Unsupported, SameFailureCount.Failed {

  /** The traces found, as counts only (see {@link FailureTally}). */
  record Counted(FailureTally tally) implements SameFailureCount {
    public Counted {
      Objects.requireNonNull(tally, "tally");
    }
  }

  /**
   * @param reason one sentence a support agent understands
   */
  record Unsupported(String reason) implements SameFailureCount {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
    }
  }

  record Failed(BackendFailure failure) implements SameFailureCount {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
