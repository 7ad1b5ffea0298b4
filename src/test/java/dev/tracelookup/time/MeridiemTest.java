package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class MeridiemTest {

  @ParameterizedTest
  @CsvSource({"am, AM", "a.m., AM", "a.m, AM", "pm, PM", "p.m., PM", "pm., PM"})
  void parse_writtenWays_readTheHalfOfTheDay(String word, Meridiem expected) {
    assertThat(Meridiem.parse(word)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "m", "pms", "p", "noon", "PM"})
  void parse_otherWords_empty(String word) {
    assertThat(Meridiem.parse(word)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"morning, AM", "afternoon, PM", "evening, PM", "night, PM", "tonight, PM"})
  void ofPartOfDay_words_namesTheirHalf(String word, Meridiem expected) {
    assertThat(Meridiem.ofPartOfDay(word)).isEqualTo(expected);
  }

  @Test
  void hourOfDay_twelveHourClock_twelveIsTheStartOfItsHalf() {
    assertThat(Meridiem.AM.hourOfDay(12)).isZero();
    assertThat(Meridiem.AM.hourOfDay(9)).isEqualTo(9);
    assertThat(Meridiem.PM.hourOfDay(12)).isEqualTo(12);
    assertThat(Meridiem.PM.hourOfDay(2)).isEqualTo(14);
    assertThat(Meridiem.NONE.hourOfDay(14)).isEqualTo(14);
  }
}
