package dev.tracelookup.tickets;

import static dev.tracelookup.tickets.TicketApiFixtures.AGENT_ZONE;
import static dev.tracelookup.tickets.TicketApiFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.JsonMutations;
import dev.tracelookup.tickets.freshdesk.FreshdeskResolver;
import dev.tracelookup.tickets.intercom.IntercomResolver;
import dev.tracelookup.tickets.jira.JiraDeployment;
import dev.tracelookup.tickets.jira.JiraResolver;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.zendesk.ZendeskResolver;
import java.net.URI;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Each ticket system's real answers (the fixtures), mutated, served over HTTP: the resolver answers
 * resolved or a failure naming the system, and never throws.
 */
final class TicketResolversFuzzTest {
  private static FakeHttpServer server;

  /** A ticket system: how to reach it, its link, the ticket's path and the answers it gives. */
  private record System(
      String name,
      Function<URI, Endpoint> endpoint,
      Function<BackendHttp, TicketResolver> resolver,
      TicketLink link,
      String ticketPath,
      String ticket,
      String requester) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A system whose ticket and requester answers are both mutated. */
  private record Case(System system, String ticket, String requester) {}

  @BeforeContainer
  static void start() throws Exception {
    server = new FakeHttpServer(request -> Reply.status(404, ""));
  }

  @AfterContainer
  static void stop() throws Exception {
    server.close();
  }

  @Property(tries = 300)
  void resolve_mutatedRealAnswers_resolvesOrFailsWithASentenceNamingTheSystem(
      @ForAll("cases") Case hostile) {
    System system = hostile.system();
    server.route(
        request ->
            Reply.json(
                request.path().startsWith(system.ticketPath())
                    ? hostile.ticket()
                    : hostile.requester()));

    ResolveResult result =
        system
            .resolver()
            .apply(new TicketApiFixtures().http(system.endpoint().apply(server.uri())))
            .resolve(system.link(), AGENT_ZONE);

    if (result instanceof ResolveResult.Failed failed) {
      assertThat(failed.failure().message())
          .contains(system.name())
          .endsWith("You can type the user ID and time instead.");
    } else {
      assertThat(result).isInstanceOf(ResolveResult.Resolved.class);
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(systems())
        .flatMap(
            system ->
                Combinators.combine(
                        Arbitraries.oneOf(
                            JsonMutations.of(system.ticket()), Arbitraries.just(system.ticket())),
                        Arbitraries.oneOf(
                            JsonMutations.of(system.requester()),
                            Arbitraries.just(system.requester())))
                    .as((ticket, requester) -> new Case(system, ticket, requester)));
  }

  private static java.util.List<System> systems() {
    return java.util.List.of(
        new System(
            "Zendesk",
            uri -> TicketEndpoints.zendesk(uri, "bot@acme.com", "t"),
            http -> new ZendeskResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.ZENDESK,
                "acme.zendesk.com",
                "4512",
                "https://acme.zendesk.com/agent/tickets/4512"),
            "/api/v2/tickets/",
            fixture("zendesk/ticket-4513-users-not-loaded.json"),
            fixture("zendesk/user-20978399.json")),
        new System(
            "Zendesk",
            uri -> TicketEndpoints.zendesk(uri, "bot@acme.com", "t"),
            http -> new ZendeskResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.ZENDESK,
                "acme.zendesk.com",
                "4512",
                "https://acme.zendesk.com/agent/tickets/4512"),
            "/api/v2/tickets/",
            fixture("zendesk/ticket-4512-with-users.json"),
            fixture("zendesk/user-20978399.json")),
        new System(
            "Jira",
            uri -> TicketEndpoints.jiraCloud(uri, "bot@acme.com", "t"),
            http ->
                new JiraResolver(
                    http, JiraDeployment.CLOUD, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.JIRA,
                "acme.atlassian.net",
                "SUP-123",
                "https://acme.atlassian.net/browse/SUP-123"),
            "/rest/api/",
            fixture("jira/issue-sup-123-cloud.json"),
            fixture("jira/issue-ops-7-data-center.json")),
        new System(
            "Freshdesk",
            uri -> TicketEndpoints.freshdesk(uri, "k"),
            http -> new FreshdeskResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.FRESHDESK,
                "acme.freshdesk.com",
                "77",
                "https://acme.freshdesk.com/a/tickets/77"),
            "/api/v2/tickets/",
            fixture("freshdesk/ticket-77.json"),
            fixture("freshdesk/contact-43000123456.json")),
        new System(
            "Intercom",
            uri -> TicketEndpoints.intercom(uri, "t"),
            http -> new IntercomResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.INTERCOM,
                "app.intercom.com",
                "215469",
                "https://app.intercom.com/a/inbox/abc123xy/inbox/conversation/215469"),
            "/conversations/",
            fixture("intercom/conversation-215469.json"),
            fixture("intercom/contact-6762f0dd1bb69f9f2193bb99.json")));
  }
}
