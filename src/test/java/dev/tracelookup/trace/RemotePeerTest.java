package dev.tracelookup.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RemotePeerTest {
  @Test
  void of_clientSpanWithServerAddress_namesTheCalledService() {
    Span call = TestSpans.span("a").client().attribute("server.address", "payment-svc").build();

    assertThat(RemotePeer.of(call)).contains("payment-svc");
  }

  @Test
  void of_newConventionWinsOverOlderOnes() {
    Span call =
        TestSpans.span("a")
            .client()
            .attribute("server.address", "10.0.0.7")
            .attribute("peer.service", "payments")
            .attribute("service.peer.name", "payment-svc")
            .build();

    assertThat(RemotePeer.of(call)).contains("payment-svc");
  }

  @Test
  void of_serverSpan_hasNoPeerEvenWithAddress() {
    Span handler =
        TestSpans.span("a").server().attribute("server.address", "api.example.com").build();

    assertThat(RemotePeer.of(handler)).isEmpty();
  }

  @Test
  void of_clientSpanWithoutPeerAttributes_isEmpty() {
    assertThat(RemotePeer.of(TestSpans.span("a").client().attribute("server.address", " ").build()))
        .isEmpty();
  }
}
