package dev.tracelookup.tickets;

import java.util.Objects;

/** The outcome of resolving one ticket link. */
public sealed interface ResolveResult permits ResolveResult.Resolved, ResolveResult.Failed {

  /** The ticket was read; the user ID may still be missing, in which case the agent is asked. */
  record Resolved(TicketResolution resolution) implements ResolveResult {
    public Resolved {
      Objects.requireNonNull(resolution, "resolution");
    }
  }

  /** The ticket could not be read; the failure says why in words for the agent. */
  record Failed(TicketFailure failure) implements ResolveResult {
    public Failed {
      Objects.requireNonNull(failure, "failure");
    }
  }
}
