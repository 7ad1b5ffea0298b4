package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ZipkinBackendCheckTest {
  private final FakeHttpServer zipkin;

  ZipkinBackendCheckTest() throws Exception {
    zipkin = new FakeHttpServer(request -> Reply.json("[\"frontend\",\"checkout\"]"));
  }

  @AfterEach
  void stop() throws Exception {
    zipkin.close();
  }

  @Test
  void check_servicesAnswer_isOk() throws Exception {
    CheckResult result = TestZipkinBackends.against(zipkin.uri(), new ArrayList<>()).check();

    assertThat(result.ok()).isTrue();
    assertThat(zipkin.takeRequest(Duration.ofSeconds(5)).path()).isEqualTo("/api/v2/services");
  }

  @Test
  void check_storageDown_failsAsServerErrorAfterOneCall() throws Exception {
    zipkin.route(request -> Reply.status(500, "{\"message\":\"storage unavailable\"}"));

    CheckResult result = TestZipkinBackends.against(zipkin.uri(), new ArrayList<>()).check();

    assertThat(result.failure())
        .map(BackendFailure::kind)
        .hasValue(BackendFailure.Kind.SERVER_ERROR);
    zipkin.takeRequest(Duration.ofSeconds(5));
    assertThat(zipkin.pending()).isZero();
  }
}
