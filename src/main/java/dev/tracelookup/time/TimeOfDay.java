package dev.tracelookup.time;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * A time of day as it was written.
 *
 * @param twelveHour whether it was written with AM/PM, so it is shown back the same way
 */
public record TimeOfDay(LocalTime time, boolean twelveHour) {
  private static final DateTimeFormatter TWELVE = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
  private static final DateTimeFormatter TWELVE_SECONDS =
      DateTimeFormatter.ofPattern("h:mm:ss a", Locale.US);
  private static final DateTimeFormatter TWENTY_FOUR =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter TWENTY_FOUR_SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  public TimeOfDay {
    Objects.requireNonNull(time, "time");
  }

  /** Returns "2:15 PM" or "14:15", with seconds only when there are some. */
  public String describe() {
    boolean seconds = time.getSecond() != 0;
    if (twelveHour) {
      return (seconds ? TWELVE_SECONDS : TWELVE).format(time);
    }
    return (seconds ? TWENTY_FOUR_SECONDS : TWENTY_FOUR).format(time);
  }
}
