package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ZipkinLinkSearchTest {
  private final FakeHttpServer zipkin;

  ZipkinLinkSearchTest() throws Exception {
    zipkin = new FakeHttpServer(request -> Reply.status(500, "no call was expected"));
  }

  @AfterEach
  void stop() throws Exception {
    zipkin.close();
  }

  @Test
  void searchLinkingTo_anyTrace_isUnsupportedBecauseZipkinKeepsNoLinksAndSendsNothing() {
    LinkQuery query =
        new LinkQuery(
            "00000000000000004bf92f3577b34da6",
            Instant.parse("2026-02-06T14:16:00Z"),
            Instant.parse("2026-02-06T15:20:00Z"),
            5);

    LinkSearch result =
        TestZipkinBackends.against(zipkin.uri(), new ArrayList<>()).searchLinkingTo(query);

    assertThat(result).isEqualTo(new LinkSearch.Unsupported("Zipkin cannot search by span link."));
    assertThat(zipkin.pending()).isZero();
  }
}
