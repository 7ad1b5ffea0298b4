package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.backend.tempo.TempoOptions.ApiVersion;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TempoOptionsTest {

  private static TempoOptions options(Duration maxWindow, Duration endCutoff, int spss) {
    return new TempoOptions(Optional.empty(), "", 1, maxWindow, endCutoff, spss, ApiVersion.V2);
  }

  @Test
  void defaults_areTempoDefaultsWithoutLinks() {
    TempoOptions defaults = TempoOptions.defaults();

    assertThat(defaults.grafanaUrl()).isEmpty();
    assertThat(defaults.maxWindow()).isEqualTo(Duration.ofHours(168));
    assertThat(defaults.endCutoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.spss()).isEqualTo(1);
    assertThat(defaults.apiVersion()).isEqualTo(ApiVersion.V2);
  }

  @Test
  void withGrafana_keepsTheRestAndSetsTheLink() {
    TempoOptions linked =
        TempoOptions.defaults().withGrafana(URI.create("https://g.example.com"), " uid1 ", 2);

    assertThat(linked.grafanaUrl()).contains(URI.create("https://g.example.com"));
    assertThat(linked.datasourceUid()).isEqualTo("uid1");
    assertThat(linked.orgId()).isEqualTo(2);
    assertThat(linked.maxWindow()).isEqualTo(Duration.ofHours(168));
  }

  @Test
  void new_grafanaWithoutDatasourceUid_isRefused() {
    assertThatThrownBy(
            () -> TempoOptions.defaults().withGrafana(URI.create("https://g.example.com"), " ", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grafana.example.com", "ftp://g.example.com", "/grafana"})
  void new_grafanaUrlThatIsNotHttp_isRefused(String url) {
    assertThatThrownBy(() -> TempoOptions.defaults().withGrafana(URI.create(url), "uid", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_outOfRangeValues_areRefused() {
    assertThatThrownBy(() -> options(Duration.ZERO, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options(Duration.ofHours(1), Duration.ofSeconds(-1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options(Duration.ofHours(1), Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> options(Duration.ofHours(1), Duration.ZERO, 101))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new TempoOptions(
                    Optional.empty(), "", 0, Duration.ofHours(1), Duration.ZERO, 1, ApiVersion.V2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_spssAtTempoMaximum_isAccepted() {
    assertThat(options(Duration.ofHours(1), Duration.ZERO, TempoOptions.MAX_SPSS).spss())
        .isEqualTo(100);
  }

  @Test
  void apiVersionFromName_configNames_inAnyCase() {
    assertThat(ApiVersion.fromName("v1")).isEqualTo(ApiVersion.V1);
    assertThat(ApiVersion.fromName(" V2 ")).isEqualTo(ApiVersion.V2);
    assertThatThrownBy(() -> ApiVersion.fromName("v3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use v1 or v2");
  }
}
