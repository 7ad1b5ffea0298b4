package dev.tracelookup.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class RequesterZonesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Eastern Time (US & Canada)|America/New_York",
        "Chennai|Asia/Kolkata",
        "Amsterdam|Europe/Amsterdam",
        "America/Los_Angeles|America/Los_Angeles",
        "' Pacific Time (US & Canada) '|America/Los_Angeles"
      })
  void parse_railsNameOrIanaId_isTheZone(String name, String zone) {
    assertThat(RequesterZones.parse(name)).contains(ZoneId.of(zone));
  }

  @Test
  void parse_unknownName_isNoZone() {
    assertThat(RequesterZones.parse("Middle Earth")).isEmpty();
    assertThat(RequesterZones.parse("")).isEmpty();
    assertThat(RequesterZones.parse(null)).isEmpty();
  }

  @Test
  void railsNames_everyMappedZoneExistsInThisJdk() {
    assertThat(RequesterZones.railsNames())
        .hasSizeGreaterThan(140)
        .allSatisfy(
            (name, zone) -> assertThat(RequesterZones.parse(name)).contains(ZoneId.of(zone)));
  }
}
