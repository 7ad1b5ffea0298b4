package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class DurationTextTest {

  @Test
  void of_limits_readAsAgentsSayThem() {
    assertThat(DurationText.of(Duration.ofHours(168))).isEqualTo("168 h");
    assertThat(DurationText.of(Duration.ofMinutes(90))).isEqualTo("90 min");
    assertThat(DurationText.of(Duration.ofSeconds(30))).isEqualTo("30 s");
    assertThat(DurationText.of(Duration.ofSeconds(90 * 60 + 1))).isEqualTo("5401 s");
    assertThat(DurationText.of(Duration.ofMillis(1500))).isEqualTo("1500 ms");
  }
}
