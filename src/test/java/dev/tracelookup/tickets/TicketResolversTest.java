package dev.tracelookup.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.tickets.TicketFailure.Kind;
import dev.tracelookup.tickets.intercom.IntercomRegion;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TicketResolversTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private final List<TicketLink> asked = new ArrayList<>();
  private final TicketResolver recording =
      (link, zone) -> {
        asked.add(link);
        return new ResolveResult.Resolved(
            new TicketResolution(
                link.system(),
                link.reference(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Instant.EPOCH,
                Optional.empty(),
                Optional.empty(),
                "",
                Instant.EPOCH,
                Instant.EPOCH));
      };
  private final TicketResolvers resolvers =
      new TicketResolvers(
          List.of(
              new TicketResolvers.Connection(TicketSystem.ZENDESK, "acme.zendesk.com", recording),
              new TicketResolvers.Connection(
                  TicketSystem.INTERCOM, IntercomRegion.EU.appHost(), recording)));

  private static TicketLink link(TicketSystem system, String host, String key) {
    return new TicketLink(system, host, key, "https://" + host + "/" + key);
  }

  private static TicketFailure failure(ResolveResult result) {
    assertThat(result).isInstanceOf(ResolveResult.Failed.class);
    return ((ResolveResult.Failed) result).failure();
  }

  @Test
  void resolve_connectedInstance_goesToItsResolver() {
    TicketLink link = link(TicketSystem.ZENDESK, "acme.zendesk.com", "4512");

    ResolveResult result = resolvers.resolve(link, UTC);

    assertThat(result).isInstanceOf(ResolveResult.Resolved.class);
    assertThat(asked).containsExactly(link);
  }

  @Test
  void resolve_otherInstanceOfAConnectedSystem_isRefusedNamingBothHosts() {
    TicketFailure failure =
        failure(resolvers.resolve(link(TicketSystem.ZENDESK, "other.zendesk.com", "4512"), UTC));

    assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED);
    assertThat(failure.message())
        .isEqualTo(
            "Zendesk #4512 is on other.zendesk.com, but the bot reads Zendesk only on"
                + " acme.zendesk.com. Ask the bot's admin to connect that instance. You can type"
                + " the user ID and time instead.");
    assertThat(asked).isEmpty();
  }

  @Test
  void resolve_intercomLinkFromAnotherRegion_isRefused() {
    TicketFailure failure =
        failure(resolvers.resolve(link(TicketSystem.INTERCOM, "app.intercom.com", "215469"), UTC));

    assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED);
    assertThat(failure.message()).contains("app.eu.intercom.com");
  }

  @Test
  void resolve_systemNotConnected_saysSo() {
    TicketFailure failure =
        failure(resolvers.resolve(link(TicketSystem.FRESHDESK, "acme.freshdesk.com", "77"), UTC));

    assertThat(failure.kind()).isEqualTo(Kind.NOT_CONFIGURED);
    assertThat(failure.system()).contains(TicketSystem.FRESHDESK);
    assertThat(failure.message())
        .startsWith("This bot is not connected to Freshdesk, so it cannot read Freshdesk #77.");
  }

  @Test
  void unknownLink_namesTheLinkAndTheKnownSystems() {
    TicketFailure failure = TicketFailure.unknownLink("https://example.com/tickets/1");

    assertThat(failure.kind()).isEqualTo(Kind.UNKNOWN_SYSTEM);
    assertThat(failure.system()).isEmpty();
    assertThat(failure.message())
        .contains("https://example.com/tickets/1", "Zendesk, Jira, Freshdesk or Intercom");
  }
}
