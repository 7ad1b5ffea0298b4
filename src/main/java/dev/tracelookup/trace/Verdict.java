package dev.tracelookup.trace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the customer saw, read from the entry span first and then from the evidence under it.
 *
 * @param kind failed, refused, recovered or succeeded
 * @param response what the entry span answered, when it says (an HTTP or gRPC status)
 * @param givenUp the customer waited and got nothing: a 504, a 499, a deadline, a cancellation
 * @param asynchronous the entry answered, and work it queued failed afterwards (a trace that is
 *     itself queued work, a consumer's, is not: nothing answered before it failed)
 * @param entryMissing the trace has no root span, so the verdict is read from the spans that came
 * @param recoveries internal failures that did not reach the customer: retried successfully, or
 *     absorbed by a caller that went on; at most {@link #MAX_RECOVERIES}, first failure first
 */
public record Verdict(
    Kind kind,
    Optional<ResponseStatus> response,
    boolean givenUp,
    boolean asynchronous,
    boolean entryMissing,
    List<Recovery> recoveries) {

  public static final int MAX_RECOVERIES = 10;

  /** The four verdicts, most urgent first: the order cards rank traces in. */
  public enum Kind {
    /** A 5xx, an ERROR on the entry, a server-fault gRPC code, a hang, or failed queued work. */
    FAILED,
    /** A 4xx or a client-fault gRPC code: the service said no, usually with a reason. */
    REFUSED,
    /** The customer got their answer, but something inside failed and was retried or absorbed. */
    RECOVERED,
    SUCCEEDED;

    /** Returns whether the customer saw a failure: only these count as failed on a card. */
    public boolean isFailure() {
      return this == FAILED || this == REFUSED;
    }
  }

  public Verdict {
    Objects.requireNonNull(kind, "kind");
    response = response == null ? Optional.empty() : response;
    recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
  }

  /** Returns a plain success, for traces with nothing to report. */
  public static Verdict succeeded(Optional<ResponseStatus> response) {
    return new Verdict(Kind.SUCCEEDED, response, false, false, false, List.of());
  }

  public boolean isFailure() {
    return kind.isFailure();
  }
}
