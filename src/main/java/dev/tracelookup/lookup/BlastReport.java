package dev.tracelookup.lookup;

import java.util.Objects;

/** Where the count of other customers with the same failure stands, as a card shows it. */
public sealed interface BlastReport
    permits BlastReport.Pending, BlastReport.Counted, BlastReport.NotCounted {

  /** The count runs after the card is posted; the card says so until it replaces itself. */
  record Pending() implements BlastReport {}

  /**
   * @param fromCache whether another lookup's count of the same failure and window answered
   */
  record Counted(BlastRadius radius, boolean fromCache) implements BlastReport {
    public Counted {
      Objects.requireNonNull(radius, "radius");
    }
  }

  /**
   * @param reason one sentence a support agent understands, e.g. {@code Tempo did not answer in
   *     time.}
   */
  record NotCounted(String reason) implements BlastReport {
    public NotCounted {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
