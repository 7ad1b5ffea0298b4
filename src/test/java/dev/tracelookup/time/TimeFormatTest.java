package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

final class TimeFormatTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void localRange_sameHalfOfDay_sharesTheMarker() {
    String range =
        TimeFormat.localRange(
            Instant.parse("2026-02-06T14:00:00Z"), Instant.parse("2026-02-06T14:30:00Z"), NEW_YORK);

    assertThat(range).isEqualTo("9:00–9:30 AM");
  }

  @Test
  void localRange_acrossNoon_marksBothEnds() {
    String range =
        TimeFormat.localRange(
            Instant.parse("2026-02-06T16:50:00Z"), Instant.parse("2026-02-06T17:20:00Z"), NEW_YORK);

    assertThat(range).isEqualTo("11:50 AM–12:20 PM");
  }

  @Test
  void utcWindow_acrossMidnight_datesBothEnds() {
    String window =
        TimeFormat.utcWindow(
            Instant.parse("2026-02-06T23:50:00Z"), Instant.parse("2026-02-07T00:20:00Z"));

    assertThat(window).isEqualTo("2026-02-06 23:50 – 2026-02-07 00:20 UTC");
  }

  @Test
  void utcTimestamp_instant_isTwentyFourHourUtc() {
    assertThat(TimeFormat.utcTimestamp(Instant.parse("2026-02-06T14:17:23.999Z")))
        .isEqualTo("2026-02-06 14:17:23 UTC");
  }

  @Test
  void utcDateTime_instant_isToTheMinuteInUtc() {
    assertThat(TimeFormat.utcDateTime(Instant.parse("2026-02-06T14:12:59Z")))
        .isEqualTo("2026-02-06 14:12 UTC");
  }

  @Test
  void isUtc_zones_onlyTrueForUtcItself() {
    assertThat(TimeFormat.isUtc(ZoneId.of("UTC"))).isTrue();
    assertThat(TimeFormat.isUtc(ZoneOffset.UTC)).isTrue();
    assertThat(TimeFormat.isUtc(ZoneId.of("Europe/London"))).isFalse();
  }

  @Test
  void dateTime_inItsZone_secondsOnlyWhenThereAreSome() {
    ZonedDateTime at = ZonedDateTime.parse("2026-02-06T09:17:00-05:00[America/New_York]");

    assertThat(TimeFormat.dateTime(at)).isEqualTo("2026-02-06 09:17");
    assertThat(TimeFormat.dateTime(at.withSecond(23))).isEqualTo("2026-02-06 09:17:23");
    assertThat(TimeFormat.time(at)).isEqualTo("09:17");
    assertThat(TimeFormat.time(at.withSecond(23))).isEqualTo("09:17:23");
  }

  @Test
  void zone_utcUnderAnyName_isCalledUtc() {
    assertThat(TimeFormat.zone(ZoneOffset.UTC)).isEqualTo("UTC");
    assertThat(TimeFormat.zone(ZoneId.of("Etc/UTC"))).isEqualTo("UTC");
    assertThat(TimeFormat.zone(NEW_YORK)).isEqualTo("America/New_York");
  }
}
