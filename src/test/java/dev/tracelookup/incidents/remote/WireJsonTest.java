package dev.tracelookup.incidents.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.HttpFailure;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.incidents.SourceResult;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** How an HTTP failure of an incident source reaches the catalog's log and readiness. */
final class WireJsonTest {

  @Test
  void failed_httpFailure_keepsItsDetailAndStatus() {
    HttpFailure refused =
        new HttpFailure(
            HttpFailure.Kind.REJECTED,
            "PagerDuty",
            "GET /incidents failed: 403",
            OptionalInt.of(403),
            Optional.empty());

    SourceResult.Failed failed = WireJson.failed(new HttpResult.Failed<>(refused), "/incidents");

    assertThat(failed.detail()).isEqualTo("GET /incidents failed: 403");
    assertThat(failed.status()).hasValue(403);
  }

  @Test
  void failed_notFound_pointsAtTheConfiguredUrlWithItsStatus() {
    SourceResult.Failed failed = WireJson.failed(new HttpResult.NotFound<>(), "/incidents");

    assertThat(failed.detail())
        .isEqualTo("GET /incidents failed: 404 (check the URL and page or account ID)");
    assertThat(failed.status()).hasValue(404);
  }
}
