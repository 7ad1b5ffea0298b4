package dev.tracelookup.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ZoneNamesTest {

  static Stream<Arguments> bareZones() {
    return Stream.of(
        argumentSet("IANA", "America/New_York", ZoneId.of("America/New_York")),
        argumentSet("IANA lower case", "europe/paris", ZoneId.of("Europe/Paris")),
        argumentSet("UTC", "UTC", ZoneOffset.UTC),
        argumentSet("GMT", "gmt", ZoneOffset.UTC),
        argumentSet("Z", "Z", ZoneOffset.UTC),
        argumentSet("offset", "+02:00", ZoneId.of("UTC+02:00")),
        argumentSet("UTC offset", "UTC+2", ZoneId.of("UTC+02:00")),
        argumentSet("GMT offset", "GMT-5", ZoneId.of("UTC-05:00")),
        argumentSet("half-hour offset", "UTC+05:30", ZoneId.of("UTC+05:30")),
        argumentSet("zero offset", "UTC+0", ZoneOffset.UTC),
        argumentSet("EST", "EST", ZoneId.of("America/New_York")),
        argumentSet("EDT", "edt", ZoneId.of("America/New_York")),
        argumentSet("CT", "CT", ZoneId.of("America/Chicago")),
        argumentSet("MDT", "MDT", ZoneId.of("America/Denver")),
        argumentSet("PST", "PST", ZoneId.of("America/Los_Angeles")),
        argumentSet("BST", "BST", ZoneId.of("Europe/London")),
        argumentSet("CEST", "CEST", ZoneId.of("Europe/Paris")),
        argumentSet("IST", "IST", ZoneId.of("Asia/Kolkata")),
        argumentSet("JST", "JST", ZoneId.of("Asia/Tokyo")),
        argumentSet("AEST", "AEST", ZoneId.of("Australia/Sydney")));
  }

  @ParameterizedTest
  @MethodSource("bareZones")
  void bare_zoneName_resolves(String word, ZoneId expected) {
    Optional<ZoneId> zone = ZoneNames.bare(word);

    assertThat(zone).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Japan", "+2", "-5", "UTC+19", "usr_1", "Mars/Olympus", ""})
  void bare_notPlainlyAZone_isEmpty(String word) {
    Optional<ZoneId> zone = ZoneNames.bare(word);

    assertThat(zone).isEmpty();
  }

  @Test
  void named_legacyIdWithoutSlash_resolves() {
    Optional<ZoneId> zone = ZoneNames.named("Japan");

    assertThat(zone).contains(ZoneId.of("Japan"));
  }

  @Test
  void named_signedHours_resolves() {
    Optional<ZoneId> zone = ZoneNames.named("+2");

    assertThat(zone).contains(ZoneId.of("UTC+02:00"));
  }
}
