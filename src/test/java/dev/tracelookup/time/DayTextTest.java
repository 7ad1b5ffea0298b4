package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DayTextTest {
  /** A Friday. */
  private static final LocalDate TODAY = LocalDate.parse("2026-02-06");

  @ParameterizedTest
  @CsvSource({
    "today, 2026-02-06, today",
    "yesterday, 2026-02-05, yesterday",
    "2026-01-31, 2026-01-31, on 2026-01-31",
    "2/6/2026, 2026-02-06, on 2026-02-06",
    "2/6/26, 2026-02-06, on 2026-02-06",
    "2/5, 2026-02-05, on 2026-02-05",
    "12/31, 2025-12-31, on 2025-12-31"
  })
  void parse_commandWords_nameTheirDay(String word, LocalDate expected, String described) {
    DayRef day = DayText.parse(word).orElseThrow();

    assertThat(day.on(TODAY)).isEqualTo(expected);
    assertThat(day.describe(expected)).isEqualTo(described);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-02-30", "13/1", "2/30/2026", "tonight", "monday", "last night", "x"})
  void parse_noDayOrNotACommandWord_empty(String word) {
    assertThat(DayText.parse(word)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2026-02-06", "13/45", "2/6/2026"})
  void looksLikeDate_datesWhetherOrNotTheyExist_true(String word) {
    assertThat(DayText.looksLikeDate(word)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "today, 2026-02-06",
    "tonight, 2026-02-06",
    "this morning, 2026-02-06",
    "this evening, 2026-02-06",
    "yesterday, 2026-02-05",
    "last night, 2026-02-05",
    "day before yesterday, 2026-02-04",
    "friday, 2026-02-06",
    "on friday, 2026-02-06",
    "last friday, 2026-01-30",
    "on tuesday, 2026-02-03",
    "last tuesday, 2026-02-03",
    "2026-01-31, 2026-01-31"
  })
  void parsePhrase_prose_namesTheDayBeforeOrOnTheReference(String words, LocalDate expected) {
    assertThat(DayText.parsePhrase(words)).map(day -> day.on(TODAY)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30", "2/6", "next friday", "this night"})
  void parsePhrase_noDayProseNames_empty(String words) {
    assertThat(DayText.parsePhrase(words)).isEmpty();
  }
}
