package dev.tracelookup.tickets;

import static dev.tracelookup.tickets.TicketApiFixtures.AGENT_ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.tickets.TicketFailure.Kind;
import dev.tracelookup.tickets.freshdesk.FreshdeskResolver;
import dev.tracelookup.tickets.intercom.IntercomResolver;
import dev.tracelookup.tickets.jira.JiraDeployment;
import dev.tracelookup.tickets.jira.JiraResolver;
import dev.tracelookup.tickets.links.TicketLink;
import dev.tracelookup.tickets.zendesk.ZendeskResolver;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resolver meets the same trouble with the same kind of answer: a sentence naming the system
 * and ticket.
 */
final class TicketResolverFailuresTest {
  private final TicketApiFixtures fixtures = new TicketApiFixtures();
  private final CountDownLatch release = new CountDownLatch(1);
  private FakeHttpServer server;

  /** One ticket system under test: how to build its resolver, and a link it resolves. */
  private record Subject(
      String name,
      Function<URI, Endpoint> endpoint,
      Function<BackendHttp, TicketResolver> resolver,
      TicketLink link) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Subject> systems() {
    return Stream.of(
        new Subject(
            "Zendesk",
            uri -> TicketEndpoints.zendesk(uri, "bot@acme.com", "t"),
            http -> new ZendeskResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.ZENDESK,
                "acme.zendesk.com",
                "4512",
                "https://acme.zendesk.com/agent/tickets/4512")),
        new Subject(
            "Jira",
            uri -> TicketEndpoints.jiraCloud(uri, "bot@acme.com", "t"),
            http ->
                new JiraResolver(
                    http, JiraDeployment.CLOUD, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.JIRA,
                "acme.atlassian.net",
                "SUP-123",
                "https://acme.atlassian.net/browse/SUP-123")),
        new Subject(
            "Freshdesk",
            uri -> TicketEndpoints.freshdesk(uri, "k"),
            http -> new FreshdeskResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.FRESHDESK,
                "acme.freshdesk.com",
                "77",
                "https://acme.freshdesk.com/a/tickets/77")),
        new Subject(
            "Intercom",
            uri -> TicketEndpoints.intercom(uri, "t"),
            http -> new IntercomResolver(http, TicketFields.none(), TicketWindow.standard()),
            new TicketLink(
                TicketSystem.INTERCOM,
                "app.intercom.com",
                "215469",
                "https://app.intercom.com/a/inbox/abc123xy/inbox/conversation/215469")));
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (server != null) {
      server.close();
    }
  }

  private TicketFailure failure(
      Subject subject, Function<FakeHttpServer.RecordedRequest, Reply> answer) throws Exception {
    server = new FakeHttpServer(answer);
    return failure(subject, server.uri());
  }

  private TicketFailure failure(Subject subject, URI base) {
    ResolveResult result =
        subject
            .resolver()
            .apply(fixtures.http(subject.endpoint().apply(base)))
            .resolve(subject.link(), AGENT_ZONE);
    assertThat(result).isInstanceOf(ResolveResult.Failed.class);
    TicketFailure failure = ((ResolveResult.Failed) result).failure();
    assertThat(failure.system()).contains(subject.link().system());
    assertThat(failure.message())
        .contains(subject.name())
        .endsWith("You can type the user ID and time instead.");
    return failure;
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_404_isNotFoundNamingTheTicket(Subject subject) throws Exception {
    TicketFailure failure =
        failure(subject, request -> Reply.status(404, "{\"error\":\"RecordNotFound\"}"));

    assertThat(failure.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(failure.message()).contains(subject.link().reference());
    assertThat(fixtures.pauses).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_401_isForbiddenAskingForTheApiToken(Subject subject) throws Exception {
    TicketFailure failure =
        failure(subject, request -> Reply.status(401, "{\"error\":\"Couldn't authenticate you\"}"));

    assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(failure.message()).contains("did not accept the bot's credentials");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_403_isForbiddenNamingTheTicket(Subject subject) throws Exception {
    TicketFailure failure =
        failure(subject, request -> Reply.status(403, "{\"error\":\"Forbidden\"}"));

    assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(failure.message()).contains("may not see " + subject.link().reference());
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_429WithRetryAfter_isRateLimitedSayingWhenToRetry(Subject subject) throws Exception {
    Reply slowDown = new Reply(429, "application/json", "{}", Map.of("Retry-After", "37"));

    TicketFailure failure = failure(subject, request -> slowDown);

    assertThat(failure.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(37));
    assertThat(failure.message()).contains("try again in 37 s");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_500_isUnavailableAfterOneRetry(Subject subject) throws Exception {
    TicketFailure failure = failure(subject, request -> Reply.status(500, "oops"));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("had an error while reading");
    assertThat(server.pending()).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_noAnswerInTime_isUnavailable(Subject subject) throws Exception {
    TicketFailure failure =
        failure(
            subject,
            request -> {
              try {
                release.await();
              } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
              }
              return Reply.json("{}");
            });

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("did not answer in time");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_truncatedJson_isUnavailableAndUnreadable(Subject subject) throws Exception {
    TicketFailure failure = failure(subject, request -> Reply.json("{\"ticket\": {\"id\": 4"));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("could not read");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_answerWithoutCreationTime_isUnreadable(Subject subject) throws Exception {
    TicketFailure failure =
        failure(
            subject,
            request ->
                Reply.json(
                    "{\"ticket\": {\"id\": 4512}, \"id\": \"215469\", "
                        + "\"key\": \"SUP-123\", \"fields\": {\"summary\": \"x\"}}"));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("could not read");
  }

  @ParameterizedTest
  @MethodSource("systems")
  void resolve_nothingListening_isUnreachable(Subject subject) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    TicketFailure failure = failure(subject, URI.create("http://127.0.0.1:" + port));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("could not be reached");
  }
}
