package dev.tracelookup.tickets;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How wide a window to suggest for a ticket: around the stated time of the issue when there is one,
 * else from a while before the ticket was filed (customers write after the failure) to a little
 * after.
 */
public record TicketWindow(Duration aroundStated, Duration beforeCreated, Duration afterCreated) {
  public TicketWindow {
    Objects.requireNonNull(aroundStated, "aroundStated");
    Objects.requireNonNull(beforeCreated, "beforeCreated");
    Objects.requireNonNull(afterCreated, "afterCreated");
    if (aroundStated.isNegative() || beforeCreated.isNegative() || afterCreated.isNegative()) {
      throw new IllegalArgumentException("window margins must not be negative");
    }
  }

  /** Returns ±15 minutes around a stated time, else 2 hours before filing to 15 minutes after. */
  public static TicketWindow standard() {
    return new TicketWindow(Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofMinutes(15));
  }

  Instant from(Instant statedOrNull, Instant created) {
    return statedOrNull != null ? statedOrNull.minus(aroundStated) : created.minus(beforeCreated);
  }

  Instant to(Instant statedOrNull, Instant created) {
    return statedOrNull != null ? statedOrNull.plus(aroundStated) : created.plus(afterCreated);
  }
}
