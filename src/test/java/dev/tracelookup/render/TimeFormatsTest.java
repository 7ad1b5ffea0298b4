package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class TimeFormatsTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void localRange_sameHalfOfDay_sharesTheMarker() {
    String range =
        TimeFormats.localRange(
            Instant.parse("2026-02-06T14:00:00Z"), Instant.parse("2026-02-06T14:30:00Z"), NEW_YORK);

    assertThat(range).isEqualTo("9:00–9:30 AM");
  }

  @Test
  void localRange_acrossNoon_marksBothEnds() {
    String range =
        TimeFormats.localRange(
            Instant.parse("2026-02-06T16:50:00Z"), Instant.parse("2026-02-06T17:20:00Z"), NEW_YORK);

    assertThat(range).isEqualTo("11:50 AM–12:20 PM");
  }

  @Test
  void utcWindow_acrossMidnight_datesBothEnds() {
    String window =
        TimeFormats.utcWindow(
            Instant.parse("2026-02-06T23:50:00Z"), Instant.parse("2026-02-07T00:20:00Z"));

    assertThat(window).isEqualTo("2026-02-06 23:50 – 2026-02-07 00:20 UTC");
  }

  @Test
  void utcTimestamp_instant_isTwentyFourHourUtc() {
    assertThat(TimeFormats.utcTimestamp(Instant.parse("2026-02-06T14:17:23.999Z")))
        .isEqualTo("2026-02-06 14:17:23 UTC");
  }

  @Test
  void isUtc_zones_onlyTrueForUtcItself() {
    assertThat(TimeFormats.isUtc(ZoneId.of("UTC"))).isTrue();
    assertThat(TimeFormats.isUtc(ZoneOffset.UTC)).isTrue();
    assertThat(TimeFormats.isUtc(ZoneId.of("Europe/London"))).isFalse();
  }
}
