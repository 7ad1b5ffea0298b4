package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class SearchWindowTest {

  @Test
  void covering_wholeSeconds_keepsThem() {
    SearchWindow window =
        SearchWindow.covering(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200));

    assertThat(window).isEqualTo(new SearchWindow(100, 200));
    assertThat(window.length()).isEqualTo(Duration.ofSeconds(100));
  }

  @Test
  void covering_fractions_widenOutward() {
    SearchWindow window =
        SearchWindow.covering(
            Instant.ofEpochSecond(100, 999_999_999), Instant.ofEpochSecond(200, 1));

    assertThat(window).isEqualTo(new SearchWindow(100, 201));
  }

  @Test
  void covering_beforeTheEpoch_startsAtZeroAndStaysAWindow() {
    SearchWindow window =
        SearchWindow.covering(Instant.ofEpochSecond(-50), Instant.ofEpochSecond(-10));

    assertThat(window).isEqualTo(new SearchWindow(0, 1));
  }
}
