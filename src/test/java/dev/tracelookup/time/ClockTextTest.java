package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ClockTextTest {

  @ParameterizedTest
  @CsvSource({
    "2:15pm, 14:15",
    "2:15p.m., 14:15",
    "2pm, 14:00",
    "9:05a.m., 09:05",
    "14:15, 14:15",
    "14:15:30, 14:15:30",
    "12am, 00:00",
    "12pm, 12:00",
    "noon, 12:00",
    "midnight, 00:00"
  })
  void parse_clockWords_readTheTimeOfDay(String word, LocalTime expected) {
    ClockText clock = ClockText.parse(word).orElseThrow();

    assertThat(clock.time()).map(TimeOfDay::time).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "pm", "2:5", "123", "2:15pmx", "14h", "two"})
  void parse_notWrittenLikeATime_empty(String word) {
    assertThat(ClockText.parse(word)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"25:00", "13pm", "0am", "14:60", "14:15:60"})
  void time_noSuchTime_empty(String word) {
    ClockText clock = ClockText.parse(word).orElseThrow();

    assertThat(clock.time()).isEmpty();
  }

  @Test
  void time_writtenWithMeridiem_isShownBackOnTheTwelveHourClock() {
    assertThat(ClockText.parse("2:15pm").orElseThrow().time())
        .map(TimeOfDay::describe)
        .contains("2:15 PM");
    assertThat(ClockText.parse("14:15").orElseThrow().time())
        .map(TimeOfDay::describe)
        .contains("14:15");
  }

  @Test
  void complete_bareNumber_needsAMeridiemOrMinutes() {
    assertThat(ClockText.parse("2").orElseThrow().complete()).isFalse();
    assertThat(ClockText.parse("2pm").orElseThrow().complete()).isTrue();
    assertThat(ClockText.parse("2:00").orElseThrow().complete()).isTrue();
    assertThat(ClockText.parse("2").orElseThrow().with(Meridiem.PM).complete()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"2, 2:30pm, 14:00", "11, 1pm, 11:00", "11:30, 12:15am, 23:30", "14:00, 3pm, 14:00"})
  void beforeEnd_startWithoutMeridiem_takesTheHalfThatKeepsItBeforeTheEnd(
      String start, String end, LocalTime expected) {
    ClockText from = ClockText.parse(start).orElseThrow();

    ClockText read = from.beforeEnd(ClockText.parse(end).orElseThrow());

    assertThat(read.time()).map(TimeOfDay::time).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "9, PM, 21:00",
    "9, AM, 09:00",
    "9, NONE, 09:00",
    "9:30pm, AM, 21:30",
    "14:15, PM, 14:15",
    "12, AM, 00:00"
  })
  void timeIn_partOfDay_appliesOnlyWhereTheClockLeftItOpen(
      String word, Meridiem partOfDay, LocalTime expected) {
    ClockText clock = ClockText.parse(word).orElseThrow();

    assertThat(clock.timeIn(partOfDay)).map(TimeOfDay::time).contains(expected);
  }

  @Test
  void timeIn_impossibleHour_emptyWhateverThePartOfDay() {
    assertThat(ClockText.parse("25:00").orElseThrow().timeIn(Meridiem.PM)).isEmpty();
    assertThat(ClockText.parse("13pm").orElseThrow().timeIn(Meridiem.AM)).isEmpty();
  }
}
