package dev.tracelookup.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.MutableClock;
import dev.tracelookup.tickets.TicketFailure.Kind;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link TicketResolvers} remembers of each connection's last call, for readiness reports. */
final class TicketResolversStatesTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-07T10:00:00Z"));
  private final TicketResolver unavailable =
      (link, zone) ->
          new ResolveResult.Failed(
              TicketFailure.of(
                  Kind.UNAVAILABLE,
                  link.system(),
                  "Zendesk is down.",
                  "GET /api/v2/tickets/4512.json: 503"));
  private final TicketResolvers resolvers =
      new TicketResolvers(
          List.of(
              new TicketResolvers.Connection(TicketSystem.ZENDESK, "acme.zendesk.com", unavailable),
              new TicketResolvers.Connection(TicketSystem.JIRA, "acme.atlassian.net", unavailable)),
          clock);

  private static TicketLink link(TicketSystem system, String host, String key) {
    return new TicketLink(system, host, key, "https://" + host + "/" + key);
  }

  @Test
  void states_beforeAnyCall_listEveryConnectionWithoutALastCall() {
    assertThat(resolvers.states())
        .containsExactly(
            new TicketResolvers.ConnectionState(
                TicketSystem.ZENDESK, "acme.zendesk.com", Optional.empty()),
            new TicketResolvers.ConnectionState(
                TicketSystem.JIRA, "acme.atlassian.net", Optional.empty()));
  }

  @Test
  void states_afterAFailedCall_holdItsTimeAndKindForThatConnectionOnly() {
    clock.advance(Duration.ofMinutes(3));

    resolvers.resolve(link(TicketSystem.ZENDESK, "acme.zendesk.com", "4512"), UTC);

    assertThat(resolvers.states().get(0).lastCall())
        .contains(
            new TicketResolvers.LastCall(
                Instant.parse("2026-02-07T10:03:00Z"), Optional.of(Kind.UNAVAILABLE)));
    assertThat(resolvers.states().get(1).lastCall()).isEmpty();
  }

  @Test
  void states_linkToAnUnconnectedInstance_recordsNoCall() {
    resolvers.resolve(link(TicketSystem.ZENDESK, "other.zendesk.com", "4512"), UTC);

    assertThat(resolvers.states()).allSatisfy(state -> assertThat(state.lastCall()).isEmpty());
  }
}
