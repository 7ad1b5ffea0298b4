package dev.tracelookup.backend.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class JaegerLinkSearchTest {
  private static final LinkQuery QUERY =
      new LinkQuery(
          "4bf92f3577b34da6a3ce929d0e0e4736",
          Instant.parse("2026-02-06T14:16:00Z"),
          Instant.parse("2026-02-06T15:20:00Z"),
          5);

  private final FakeHttpServer jaeger;

  JaegerLinkSearchTest() throws Exception {
    jaeger = new FakeHttpServer(request -> Reply.status(500, "no call was expected"));
  }

  @AfterEach
  void stop() throws Exception {
    jaeger.close();
  }

  @Test
  void searchLinkingTo_eitherApi_isUnsupportedWithASentenceAndSendsNothing() {
    for (JaegerOptions options : new JaegerOptions[] {JaegerTesting.v3(), JaegerTesting.v1()}) {
      LinkSearch result =
          JaegerTesting.backend(jaeger.uri(), options, new ArrayList<>()).searchLinkingTo(QUERY);

      assertThat(result)
          .isEqualTo(new LinkSearch.Unsupported("Jaeger cannot search by span link."));
    }
    assertThat(jaeger.pending()).isZero();
  }
}
