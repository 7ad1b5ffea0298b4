package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DurationFormatTest {

  /** Moved from WaterfallRowTest: the waterfall's duration column. */
  @ParameterizedTest
  @CsvSource({
    "0, 0 s",
    "400, < 1 µs",
    "850000, 850 µs",
    "999600, 1 ms",
    "12400000, 12 ms",
    "999600000, 1.0 s",
    "1949000000, 1.9 s",
    "9960000000, 10 s",
    "59600000000, 1 m 00 s",
    "125000000000, 2 m 05 s",
    "3900000000000, 1 h 05 m"
  })
  void compact_nanos_compactAndRoundedToTheUnitShown(long nanos, String expected) {
    assertThat(DurationFormat.compact(nanos)).isEqualTo(expected);
  }

  @Test
  void compact_underAMinuteOnceRounded_fitsSixCharacters() {
    for (long nanos = 1; nanos < 59_500_000_000L; nanos = nanos * 3 / 2 + 1) {
      assertThat(DurationFormat.compact(nanos)).hasSizeLessThanOrEqualTo(6);
    }
  }

  /** Moved from render's TimeFormatsTest: how long a trace or span took, on cards. */
  @ParameterizedTest
  @CsvSource({
    "0, < 1 ms",
    "240, 240 ms",
    "1900, 1.9 s",
    "1949, 1.9 s",
    "9960, 10 s",
    "12300, 12 s",
    "123000, 2 min 3 s",
    "3900000, 1 h 5 min"
  })
  void brief_millis_readsAsPeopleSayIt(long millis, String expected) {
    assertThat(DurationFormat.brief(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  /** Moved from tempo's DurationTextTest: configured limits in messages. */
  @Test
  void exact_limits_readAsAgentsSayThem() {
    assertThat(DurationFormat.exact(Duration.ofHours(168))).isEqualTo("168 h");
    assertThat(DurationFormat.exact(Duration.ofMinutes(90))).isEqualTo("90 min");
    assertThat(DurationFormat.exact(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(DurationFormat.exact(Duration.ofSeconds(90 * 60 + 1))).isEqualTo("5401 s");
    assertThat(DurationFormat.exact(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0 s",
    "PT0.5S, 500 ms",
    "PT45S, 45 s",
    "PT15M, 15 min",
    "PT1H, 1 hour",
    "PT1H30M, 1 h 30 min",
    "PT2H, 2 hours",
    "PT24H, 24 hours",
    "PT168H, 7 days"
  })
  void prose_lengths_readAsPeopleSayThemInSentences(Duration length, String expected) {
    assertThat(DurationFormat.prose(length)).isEqualTo(expected);
  }
}
