package dev.tracelookup.app;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.TicketSystemType;
import dev.tracelookup.http.BackendHttp;
import dev.tracelookup.http.Endpoint;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.tickets.NoteWriter;
import dev.tracelookup.tickets.TicketEndpoints;
import dev.tracelookup.tickets.TicketFields;
import dev.tracelookup.tickets.TicketNoteWriters;
import dev.tracelookup.tickets.TicketResolver;
import dev.tracelookup.tickets.TicketResolvers;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import dev.tracelookup.tickets.freshdesk.FreshdeskNotes;
import dev.tracelookup.tickets.freshdesk.FreshdeskResolver;
import dev.tracelookup.tickets.intercom.IntercomNotes;
import dev.tracelookup.tickets.intercom.IntercomRegion;
import dev.tracelookup.tickets.intercom.IntercomResolver;
import dev.tracelookup.tickets.jira.JiraDeployment;
import dev.tracelookup.tickets.jira.JiraNotes;
import dev.tracelookup.tickets.jira.JiraResolver;
import dev.tracelookup.tickets.links.TicketHosts;
import dev.tracelookup.tickets.links.TicketLinks;
import dev.tracelookup.tickets.zendesk.ZendeskNotes;
import dev.tracelookup.tickets.zendesk.ZendeskResolver;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/** Builds link recognition and the resolvers of the connected ticket systems from config. */
final class TicketWiring {
  private TicketWiring() {}

  static TicketLinks links(Config.Tickets tickets) {
    return new TicketLinks(
        new TicketHosts(
            tickets.zendeskAliases(),
            new HashSet<>(tickets.jiraHosts()),
            tickets.freshdeskAliases()));
  }

  static TicketWindow window(Config.Tickets tickets) {
    return new TicketWindow(
        tickets.aroundStated(), tickets.beforeCreated(), tickets.afterCreated());
  }

  /** Returns the resolvers; their API calls record client spans. */
  static TicketResolvers resolvers(
      Config.Tickets tickets, HttpClient client, Clock clock, Telemetry telemetry) {
    List<TicketResolvers.Connection> connections = new ArrayList<>();
    TicketWindow window = window(tickets);
    Http http =
        endpoint ->
            new BackendHttp(
                client, endpoint, clock, duration -> Thread.sleep(duration.toMillis()), telemetry);
    for (Config.TicketSystem system : tickets.systems()) {
      TicketFields fields = new TicketFields(system.userIdField(), system.statedTimeField());
      connections.add(connection(system, fields, window, http));
    }
    return new TicketResolvers(connections, clock);
  }

  /**
   * Returns the note writers of the systems configured with a write credential ({@code
   * write-token-env}); a system without one gets no "Add note to ticket" button.
   */
  static TicketNoteWriters notes(
      Config.Tickets tickets, HttpClient client, Clock clock, Telemetry telemetry, Ticker ticker) {
    Http http =
        endpoint ->
            new BackendHttp(
                client, endpoint, clock, duration -> Thread.sleep(duration.toMillis()), telemetry);
    List<TicketNoteWriters.Connection> connections = new ArrayList<>();
    for (Config.TicketSystem system : tickets.systems()) {
      system
          .write()
          .ifPresent(
              write ->
                  connections.add(
                      new TicketNoteWriters.Connection(
                          TicketSystem.valueOf(system.system().name()),
                          linkHost(system),
                          writer(system, write, http))));
    }
    return new TicketNoteWriters(connections, ticker);
  }

  private static String linkHost(Config.TicketSystem system) {
    if (system.system() == TicketSystemType.INTERCOM) {
      return IntercomRegion.valueOf(system.variant().toUpperCase(Locale.ROOT)).appHost();
    }
    return system.host().orElse(system.url().getHost()).toLowerCase(Locale.ROOT);
  }

  private static NoteWriter writer(
      Config.TicketSystem system, Config.TicketWrite write, Http http) {
    String token = write.token().value();
    return switch (system.system()) {
      case ZENDESK ->
          new ZendeskNotes(
              http.to(TicketEndpoints.zendesk(system.url(), write.login().orElseThrow(), token)));
      case JIRA ->
          system.variant().equals("cloud")
              ? new JiraNotes(
                  http.to(
                      TicketEndpoints.jiraCloud(system.url(), write.login().orElseThrow(), token)),
                  JiraDeployment.CLOUD)
              : new JiraNotes(
                  http.to(TicketEndpoints.jiraDataCenter(system.url(), token)),
                  JiraDeployment.DATA_CENTER);
      case FRESHDESK -> new FreshdeskNotes(http.to(TicketEndpoints.freshdesk(system.url(), token)));
      case INTERCOM ->
          new IntercomNotes(
              http.to(TicketEndpoints.intercom(system.url(), token)),
              write.adminId().orElseThrow());
    };
  }

  /** Builds the HTTP client of one ticket system's endpoint. */
  private interface Http {
    BackendHttp to(Endpoint endpoint);
  }

  private static TicketResolvers.Connection connection(
      Config.TicketSystem system, TicketFields fields, TicketWindow window, Http http) {
    String token = system.token().value();
    String host = system.host().orElse(system.url().getHost()).toLowerCase(Locale.ROOT);
    // A switch expression: a new TicketSystemType does not compile until it has its case here.
    return switch (system.system()) {
      case ZENDESK ->
          new TicketResolvers.Connection(
              TicketSystem.ZENDESK,
              host,
              new ZendeskResolver(
                  http.to(
                      TicketEndpoints.zendesk(system.url(), system.login().orElseThrow(), token)),
                  fields,
                  window));
      case JIRA -> jira(system, token, host, fields, window, http);
      case FRESHDESK ->
          new TicketResolvers.Connection(
              TicketSystem.FRESHDESK,
              host,
              new FreshdeskResolver(
                  http.to(TicketEndpoints.freshdesk(system.url(), token)), fields, window));
      case INTERCOM -> intercom(system, token, fields, window, http);
    };
  }

  private static TicketResolvers.Connection jira(
      Config.TicketSystem system,
      String token,
      String host,
      TicketFields fields,
      TicketWindow window,
      Http http) {
    boolean cloud = system.variant().equals("cloud");
    Endpoint jira =
        cloud
            ? TicketEndpoints.jiraCloud(system.url(), system.login().orElseThrow(), token)
            : TicketEndpoints.jiraDataCenter(system.url(), token);
    TicketResolver resolver =
        new JiraResolver(
            http.to(jira),
            cloud ? JiraDeployment.CLOUD : JiraDeployment.DATA_CENTER,
            fields,
            window);
    return new TicketResolvers.Connection(TicketSystem.JIRA, host, resolver);
  }

  /** Intercom links name the region's inbox host, whatever API root the connection uses. */
  private static TicketResolvers.Connection intercom(
      Config.TicketSystem system,
      String token,
      TicketFields fields,
      TicketWindow window,
      Http http) {
    IntercomRegion region = IntercomRegion.valueOf(system.variant().toUpperCase(Locale.ROOT));
    return new TicketResolvers.Connection(
        TicketSystem.INTERCOM,
        region.appHost(),
        new IntercomResolver(
            http.to(TicketEndpoints.intercom(system.url(), token)), fields, window));
  }
}
