package dev.tracelookup.tickets;

import dev.tracelookup.tickets.intercom.IntercomRegion;
import dev.tracelookup.tickets.links.TicketLink;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Sends each link to the resolver connected to its ticket-system instance. A link to an instance
 * the bot is not connected to is refused rather than looked up elsewhere: ticket #4512 in another
 * Zendesk is another customer.
 *
 * <p>It remembers each connection's last call, so readiness reports can tell a ticket system that
 * stopped answering without spending its API rate limit on probes.
 */
public final class TicketResolvers implements TicketResolver {
  private final List<Connection> connections;
  private final Clock clock;
  private final Map<Connection, LastCall> lastCalls = new ConcurrentHashMap<>();

  /**
   * One connected ticket-system instance.
   *
   * @param host the instance's host as {@link TicketLink#host()} carries it: {@code
   *     acme.zendesk.com}, {@code acme.atlassian.net} or a Data Center host, {@code
   *     acme.freshdesk.com}, or the Intercom region's {@link IntercomRegion#appHost()}
   */
  public record Connection(TicketSystem system, String host, TicketResolver resolver) {
    public Connection {
      Objects.requireNonNull(system, "system");
      host = host.trim().toLowerCase(Locale.ROOT);
      Objects.requireNonNull(resolver, "resolver");
    }
  }

  /**
   * When a connection was last called, and how that call failed, if it did.
   *
   * @param failure empty when the ticket was read
   */
  public record LastCall(Instant at, Optional<TicketFailure.Kind> failure) {
    public LastCall {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(failure, "failure");
    }
  }

  /** A connection and its last call, if any was made since start. */
  public record ConnectionState(TicketSystem system, String host, Optional<LastCall> lastCall) {}

  /** Returns resolvers that time last calls by the system clock. */
  public TicketResolvers(List<Connection> connections) {
    this(connections, Clock.systemUTC());
  }

  /**
   * @param clock times each connection's last call
   */
  public TicketResolvers(List<Connection> connections, Clock clock) {
    this.connections = List.copyOf(connections);
    this.clock = clock;
  }

  /** Returns every connection with its last call, in configuration order. */
  public List<ConnectionState> states() {
    return connections.stream()
        .map(
            connection ->
                new ConnectionState(
                    connection.system(),
                    connection.host(),
                    Optional.ofNullable(lastCalls.get(connection))))
        .toList();
  }

  @Override
  public ResolveResult resolve(TicketLink link, ZoneId fallbackZone) {
    Optional<Connection> connected =
        connections.stream()
            .filter(
                connection ->
                    connection.system() == link.system() && connection.host().equals(link.host()))
            .findFirst();
    if (connected.isPresent()) {
      ResolveResult result = connected.get().resolver().resolve(link, fallbackZone);
      lastCalls.put(
          connected.get(),
          new LastCall(
              clock.instant(),
              result instanceof ResolveResult.Failed failed
                  ? Optional.of(failed.failure().kind())
                  : Optional.empty()));
      return result;
    }
    return new ResolveResult.Failed(notConnected(link));
  }

  private TicketFailure notConnected(TicketLink link) {
    String system = link.system().displayName();
    String hosts =
        connections.stream()
            .filter(connection -> connection.system() == link.system())
            .map(Connection::host)
            .collect(Collectors.joining(", "));
    String message =
        hosts.isEmpty()
            ? "This bot is not connected to "
                + system
                + ", so it cannot read "
                + link.reference()
                + ". Ask the bot's admin to connect it."
            : link.reference()
                + " is on "
                + link.host()
                + ", but the bot reads "
                + system
                + " only on "
                + hosts
                + ". Ask the bot's admin to connect that instance.";
    return TicketFailure.of(
        TicketFailure.Kind.NOT_CONFIGURED,
        link.system(),
        message + " You can type the user ID and time instead.",
        "no connection for " + link.host());
  }
}
