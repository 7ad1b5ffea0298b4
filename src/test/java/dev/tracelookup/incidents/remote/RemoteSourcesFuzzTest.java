package dev.tracelookup.incidents.remote;

import static dev.tracelookup.incidents.remote.RemoteFixtures.FROM;
import static dev.tracelookup.incidents.remote.RemoteFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.incidents.IncidentSource;
import dev.tracelookup.incidents.SourceHttp;
import dev.tracelookup.incidents.SourceResult;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.JsonMutations;
import java.util.ArrayList;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * PagerDuty's, incident.io's and Statuspage's real pages, mutated and served over HTTP: each source
 * answers incidents or a failure with a detail, never throws, and stops paging.
 */
final class RemoteSourcesFuzzTest {
  private static FakeHttpServer server;
  private static SourceHttp http;

  /** A source and the page it is fed, every page alike. */
  private record Case(String source, String page) {}

  @BeforeContainer
  static void start() throws Exception {
    server = new FakeHttpServer(request -> Reply.status(404, ""));
    http = RemoteFixtures.http(new ArrayList<>());
  }

  @AfterContainer
  static void stop() throws Exception {
    server.close();
  }

  @Property(tries = 200)
  void fetch_mutatedRealPages_fetchesOrFailsWithADetail(@ForAll("cases") Case hostile) {
    server.route(request -> Reply.json(hostile.page()));

    SourceResult result = source(hostile.source()).get().fetch(FROM, NOW);

    if (result instanceof SourceResult.Failed failed) {
      assertThat(failed.detail()).isNotBlank();
    } else {
      assertThat(result).isInstanceOf(SourceResult.Fetched.class);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.oneOf(
        pages("PagerDuty", PagerDutySourceTest.FIRST_PAGE, PagerDutySourceTest.LAST_PAGE),
        pages("incident.io", IncidentIoSourceTest.FIRST_PAGE, IncidentIoSourceTest.LAST_PAGE),
        pages("Statuspage", StatuspageSourceTest.PUBLIC_PAGE, StatuspageSourceTest.PUBLIC_PAGE));
  }

  private static Arbitrary<Case> pages(String source, String first, String last) {
    return Arbitraries.oneOf(JsonMutations.of(first), JsonMutations.of(last))
        .map(page -> new Case(source, page));
  }

  private static Supplier<IncidentSource> source(String name) {
    switch (name) {
      case "PagerDuty":
        return () -> new PagerDutySource(name, server.uri(), "pd-secret", http);
      case "incident.io":
        return () ->
            new IncidentIoSource(
                name, server.uri(), "io-secret", IncidentIoSource.Fields.defaults(), http);
      default:
        return () -> StatuspageSource.publicPage(name, server.uri(), http);
    }
  }
}
