package dev.tracelookup.app;

import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.incidents.IncidentCatalog;
import dev.tracelookup.render.HomeView;
import dev.tracelookup.server.DependencyStatus;
import dev.tracelookup.server.Readiness;
import dev.tracelookup.server.ReadinessPolicy;
import dev.tracelookup.server.SlackLinkState;
import dev.tracelookup.slack.SlackLink;
import dev.tracelookup.tickets.TicketResolvers;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Builds what {@code /readyz} reports: one check per configured dependency, each as {@link
 * ReadinessPolicy} says it reads, and the Slack face's record of its link handed to the server
 * face.
 */
final class ReadinessWiring {
  private ReadinessWiring() {}

  /**
   * Returns what {@code /readyz} checks: the backend, then the faces, then each configured ticket
   * system and incident source.
   *
   * @param faces checks of the faces the bot serves: the Slack link, the audit log
   */
  static Readiness readiness(
      TraceBackend backend,
      TicketResolvers tickets,
      IncidentCatalog incidents,
      List<Readiness.Check> faces,
      Executor executor,
      Clock clock) {
    List<Readiness.Check> checks = new ArrayList<>();
    checks.add(ReadinessPolicy.backend(backend));
    checks.addAll(faces);
    // By position: the lists keep their order, and each check reads its entry afresh when asked.
    for (int i = 0; i < tickets.states().size(); i++) {
      int index = i;
      checks.add(ReadinessPolicy.ticketSystem(() -> tickets.states().get(index), clock));
    }
    for (int i = 0; i < incidents.health().size(); i++) {
      int index = i;
      checks.add(ReadinessPolicy.incidentSource(() -> incidents.health().get(index), clock));
    }
    return new Readiness(checks, executor, clock, Readiness.DEFAULT_TTL, Readiness.DEFAULT_TIMEOUT);
  }

  /**
   * Returns what the Home tab shows of the dependencies: the report {@code /readyz} answers with,
   * read afresh at most once per its time to live.
   */
  static Supplier<List<HomeView.Dependency>> home(Readiness readiness) {
    return () ->
        readiness.report().entries().stream()
            .map(
                entry ->
                    new HomeView.Dependency(
                        entry.check().kind(),
                        entry.check().name(),
                        entry.status().state().label(),
                        entry.status().detail()))
            .toList();
  }

  /**
   * Returns the check of the Slack link: the websocket in Socket Mode, else the last Web API calls.
   */
  static Readiness.Check slack(SlackLink link, boolean socketMode, Clock clock) {
    return ReadinessPolicy.slack(socketMode, () -> state(link), clock);
  }

  /** Returns how the last Web API calls of the link read. */
  static DependencyStatus webApi(SlackLink link, Instant now) {
    return ReadinessPolicy.webApi(state(link), now);
  }

  /**
   * Returns what the server face needs to know of the link; asks the websocket, which may block
   * about 3 s.
   */
  static SlackLinkState state(SlackLink link) {
    SlackLinkState.Socket socket =
        !link.socketStarted()
            ? SlackLinkState.Socket.NOT_STARTED
            : link.socketConnected()
                ? SlackLinkState.Socket.CONNECTED
                : SlackLinkState.Socket.RECONNECTING;
    return new SlackLinkState(
        socket,
        link.lastCall()
            .map(
                call ->
                    new SlackLinkState.WebApiCall(
                        call.method(), call.at(), call.error(), call.tokenRefused())),
        link.lastSuccess().map(SlackLink.Call::at));
  }
}
