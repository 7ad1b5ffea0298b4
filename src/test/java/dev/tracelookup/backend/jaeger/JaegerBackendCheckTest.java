package dev.tracelookup.backend.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.CheckResult;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class JaegerBackendCheckTest {
  private final FakeHttpServer jaeger;

  JaegerBackendCheckTest() throws Exception {
    jaeger = new FakeHttpServer(request -> Reply.json("{\"services\":[\"checkout\"]}"));
  }

  @AfterEach
  void stop() throws Exception {
    jaeger.close();
  }

  @Test
  void check_v3_asksTheServiceListWithTheToken() throws Exception {
    CheckResult result =
        JaegerTesting.backend(jaeger.uri(), JaegerTesting.v3(), new ArrayList<>()).check();

    assertThat(result.ok()).isTrue();
    FakeHttpServer.RecordedRequest sent = jaeger.takeRequest(Duration.ofSeconds(5));
    assertThat(sent.path()).isEqualTo("/api/v3/services");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer t0ken");
  }

  @Test
  void check_v1_asksTheUiApisServiceList() throws Exception {
    CheckResult result =
        JaegerTesting.backend(jaeger.uri(), JaegerTesting.v1(), new ArrayList<>()).check();

    assertThat(result.ok()).isTrue();
    assertThat(jaeger.takeRequest(Duration.ofSeconds(5)).path()).isEqualTo("/api/services");
  }

  @Test
  void check_unauthorised_failsAsRejected() {
    jaeger.route(request -> Reply.status(401, "unauthorized"));

    CheckResult result =
        JaegerTesting.backend(jaeger.uri(), JaegerTesting.v3(), new ArrayList<>()).check();

    assertThat(result.failure()).map(BackendFailure::kind).hasValue(BackendFailure.Kind.REJECTED);
  }
}
