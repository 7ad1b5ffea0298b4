package dev.tracelookup.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class DateOrderTest {
  @ParameterizedTest
  @CsvSource({"en-US, MDY", "en-GB, DMY", "fr-FR, DMY", "de_DE, DMY", "en-PH, MDY", "es-US, MDY"})
  void ofLocale_slackLocale_givesTheOrderItsPeopleWrite(String locale, DateOrder order) {
    assertThat(DateOrder.ofLocale(locale)).contains(order);
  }

  @ParameterizedTest
  @CsvSource({"en", "''", "-"})
  void ofLocale_noCountry_saysNothing(String locale) {
    assertThat(DateOrder.ofLocale(locale)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"MDY, MDY", "dmy, DMY", "' DMY ', DMY"})
  void named_configValue_isRead(String written, DateOrder order) {
    assertThat(DateOrder.named(written)).contains(order);
  }

  @ParameterizedTest
  @CsvSource({"YMD", "US", "''"})
  void named_otherValue_isNone(String written) {
    assertThat(DateOrder.named(written)).isEqualTo(Optional.empty());
  }
}
