package dev.tracelookup.incidents;

import static dev.tracelookup.incidents.TestIncidents.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IncidentSignatureTest {
  private static final TraceFailure GATEWAY_502 = failure("14:17", "order-svc");

  @Test
  void matches_everyGivenPartMatches_isTrue() {
    IncidentSignature signature =
        new IncidentSignature(
            Optional.of("post PAYMENT-SVC/charge"),
            Set.of(502, 503),
            Optional.of("ConnectionRefusedError"));

    assertThat(signature.matches(GATEWAY_502)).isTrue();
  }

  @Test
  void matches_oneGivenPartDiffers_isFalse() {
    IncidentSignature wrongStatus =
        new IncidentSignature(Optional.empty(), Set.of(503), Optional.of("ConnectionRefusedError"));
    IncidentSignature wrongName =
        new IncidentSignature(Optional.of("GET /search"), Set.of(), Optional.empty());

    assertThat(wrongStatus.matches(GATEWAY_502)).isFalse();
    assertThat(wrongName.matches(GATEWAY_502)).isFalse();
  }

  @Test
  void matches_simpleNameOfQualifiedException_isTrue() {
    TraceFailure qualified =
        new TraceFailure(
            TestIncidents.at("14:17"),
            Set.of("search-svc"),
            "GET /api/v1/search",
            "POST products/_search",
            503,
            Optional.of("co.elastic.clients.transport.TransportException"));

    assertThat(
            new IncidentSignature(Optional.empty(), Set.of(), Optional.of("TransportException"))
                .matches(qualified))
        .isTrue();
    assertThat(
            new IncidentSignature(Optional.empty(), Set.of(), Optional.of("Exception"))
                .matches(qualified))
        .isFalse();
  }

  @Test
  void matches_exceptionExpectedButNoneRecorded_isFalse() {
    TraceFailure bare =
        new TraceFailure(
            TestIncidents.at("14:17"), Set.of("order-svc"), "", "x", 502, Optional.empty());
    IncidentSignature timeout =
        new IncidentSignature(Optional.empty(), Set.of(502), Optional.of("TimeoutError"));

    assertThat(timeout.matches(bare)).isFalse();
  }

  @Test
  void new_noPartGiven_isRefused() {
    assertThatThrownBy(() -> new IncidentSignature(Optional.of(" "), Set.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
