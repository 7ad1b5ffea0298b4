package dev.tracelookup.server;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import dev.tracelookup.config.Config;
import dev.tracelookup.lookup.BlastRadii;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.privacy.AuditLog;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty 12 with Bolt's {@link SlackAppServlet} at {@code /slack/events} (HTTP mode only),
 * {@code /healthz} (liveness), {@code /readyz} (readiness), {@code /api/lookup} and {@code
 * /api/erasure}.
 *
 * <p>Bolt ships a Jetty adapter only for Jetty 11; {@code bolt-jakarta-servlet} on the ee10 servlet
 * container works, and {@code app/SlashCommandEndToEndTest} pins that down by sending signed slash
 * commands through it.
 */
public final class BotServer {
  private final Server server;

  private BotServer(Server server) {
    this.server = server;
  }

  /**
   * Returns a server ready to start on the configured port (0 picks a free one).
   *
   * @param slackApp the Bolt app, or empty in Socket Mode where Slack does not call us over HTTP
   * @param audit where {@code /api/lookup} records each lookup
   * @param readiness what {@code /readyz} reports
   * @param blastRadii counts, for {@code /api/lookup}, the other customers with the featured
   *     failure
   */
  public static BotServer create(
      Config config,
      Optional<App> slackApp,
      TraceLookup lookup,
      LookupCache cache,
      AuditLog audit,
      Clock clock,
      Readiness readiness,
      Optional<BlastRadii> blastRadii) {
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("http");
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setPort(config.server().port());
    server.addConnector(connector);

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    slackApp.ifPresent(app -> mountSlack(context, config, app, clock));
    context.addServlet(
        new ServletHolder(new HealthServlet(cache, lookup.backendName())), "/healthz");
    context.addServlet(new ServletHolder(new ReadyServlet(readiness)), "/readyz");
    context.addServlet(
        new ServletHolder(
            new LookupApiServlet(
                lookup,
                config.server().apiToken(),
                config.lookup().userIdPattern(),
                config.lookup().halfWindow().multipliedBy(2),
                config.lookup().maxWindow(),
                config.server().maxBodyBytes(),
                audit,
                blastRadii)),
        "/api/lookup");
    context.addServlet(
        new ServletHolder(
            new ErasureServlet(
                lookup, config.server().adminToken(), config.server().maxBodyBytes(), audit)),
        "/api/erasure");
    context.setErrorHandler(new QuietErrorHandler());
    // Bodies are gathered without a thread before any servlet reads them: slow clients cannot
    // starve the
    // pool. TRACE is refused before either: the servlet API would echo the Authorization header.
    server.setHandler(
        new TraceMethodRefusal(
            new BodyReadHandler(
                context,
                config.server().maxBodyBytes(),
                config.server().bodyTimeout(),
                config.server().minBodyRate())));
    server.setStopTimeout(10_000);
    return new BotServer(server);
  }

  private static void mountSlack(
      ServletContextHandler context, Config config, App app, Clock clock) {
    String secret = config.slack().signingSecret().orElseThrow().value();
    SlackSignature signature =
        new SlackSignature(secret, clock, config.slack().timestampTolerance());
    context.addFilter(
        new FilterHolder(new SlackRequestFilter(signature, config.server().maxBodyBytes())),
        "/slack/events",
        EnumSet.of(DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
  }

  public void start() throws Exception {
    server.start();
  }

  /** Stops accepting requests and lets the ones in flight finish. */
  public void stop() throws Exception {
    server.stop();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  /** Returns the base URI, with the real port when the configured one was 0. */
  public URI uri() {
    return server.getURI().resolve("/");
  }
}
