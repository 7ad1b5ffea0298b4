package dev.tracelookup.tickets;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Sends each link to the resolver connected to its ticket-system instance. A link to an instance
 * the bot is not connected to is refused rather than looked up elsewhere: ticket #4512 in another
 * Zendesk is another customer.
 */
public final class TicketResolvers implements TicketResolver {
  private final List<Connection> connections;

  /**
   * One connected ticket-system instance.
   *
   * @param host the instance's host as {@link TicketLink#host()} carries it: {@code acme.zendesk.com},
   *     {@code acme.atlassian.net} or a Data Center host, {@code acme.freshdesk.com}, or the
   *     Intercom region's {@link IntercomRegion#appHost()}
   */
  public record Connection(TicketSystem system, String host, TicketResolver resolver) {
    public Connection {
      Objects.requireNonNull(system, "system");
      host = host.trim().toLowerCase(Locale.ROOT);
      Objects.requireNonNull(resolver, "resolver");
    }
  }

  public TicketResolvers(List<Connection> connections) {
    this.connections = List.copyOf(connections);
  }

  @Override
  public ResolveResult resolve(TicketLink link, ZoneId fallbackZone) {
    Optional<Connection> connected = connections.stream()
        .filter(connection -> connection.system() == link.system() && connection.host().equals(link.host()))
        .findFirst();
    if (connected.isPresent()) {
      return connected.get().resolver().resolve(link, fallbackZone);
    }
    return new ResolveResult.Failed(notConnected(link));
  }

  private TicketFailure notConnected(TicketLink link) {
    String system = link.system().displayName();
    String hosts = connections.stream().filter(connection -> connection.system() == link.system())
        .map(Connection::host).collect(Collectors.joining(", "));
    String message = hosts.isEmpty()
        ? "This bot is not connected to " + system + ", so it cannot read " + link.reference()
            + ". Ask the bot's admin to connect it."
        : link.reference() + " is on " + link.host() + ", but the bot reads " + system + " only on " + hosts
            + ". Ask the bot's admin to connect that instance.";
    return TicketFailure.of(TicketFailure.Kind.NOT_CONFIGURED, link.system(),
        message + " You can type the user ID and time instead.", "no connection for " + link.host());
  }
}
