package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DurationTextTest {

  /** Moved from ConfigLoaderTest: the forms config files use. */
  @Test
  void durations_readPeopleFormats() {
    assertThat(DurationText.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(DurationText.parse("500ms")).contains(Duration.ofMillis(500));
    assertThat(DurationText.parse("15 m")).contains(Duration.ofMinutes(15));
    assertThat(DurationText.parse("15")).isEmpty();
    assertThat(DurationText.parse("m15")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "30m, PT30M",
    "2h, PT2H",
    "90min, PT1H30M",
    "1h30m, PT1H30M",
    "1 h 30 m, PT1H30M",
    "2HOURS, PT2H",
    "45sec, PT45S",
    "7d, PT168H",
    "1d1h1m1s, PT25H1M1S",
    "999999d, PT23999976H"
  })
  void parse_numberUnitParts_addUp(String text, Duration expected) {
    assertThat(DurationText.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "30", "m", "30x", "30m ago", "1000000d", "1d1h1m1s1ms", "1.5h", "-1h"})
  void parse_notNumberUnitParts_empty(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @Test
  void read_oneWord_takesOne() {
    assertThat(DurationText.read("30m", "ago"))
        .contains(new DurationText.Match(Duration.ofMinutes(30), 1));
  }

  @Test
  void read_numberThenUnit_takesTwo() {
    assertThat(DurationText.read("90", "min"))
        .contains(new DurationText.Match(Duration.ofMinutes(90), 2));
    assertThat(DurationText.read("2", "hours"))
        .contains(new DurationText.Match(Duration.ofHours(2), 2));
  }

  @Test
  void read_numberWithoutUnit_empty() {
    assertThat(DurationText.read("90", "ago")).isEmpty();
    assertThat(DurationText.read("90", "")).isEmpty();
    assertThat(DurationText.read("1234567", "min")).isEmpty();
  }
}
