package dev.tracelookup.app;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.server.BotServer;
import dev.tracelookup.slack.SlackApp;
import dev.tracelookup.telemetry.Telemetry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bot, started: the object graph wired from the configuration, the HTTP server listening
 * ({@code /healthz}, {@code /readyz}, {@code /api/lookup}, {@code /api/erasure} and, in HTTP mode,
 * {@code /slack/events}) and, in Socket Mode, the websocket to Slack open.
 *
 * <p>Everything that runs the bot starts it here, the way Jetty's examples call {@code
 * newServer(0)}: {@code Main serve}, the benchmarks, the drills and the end-to-end tests. Tests set
 * {@code PORT=0}, reach the bot at {@link #uri()} and {@link #close()} it.
 */
public final class Bot implements AutoCloseable {
  private static final Duration SLACK_CALL_TIMEOUT = Duration.ofSeconds(5);

  /** How Slack reaches the bot. */
  enum SlackFace {
    /** Slack posts to {@code /slack/events}, signed with the signing secret. */
    HTTP,
    /** The bot holds a websocket to Slack, opened with the app-level token: no public URL. */
    SOCKET_MODE,
    /** No Slack: only the JSON API and health endpoints, for tests without Slack credentials. */
    NONE
  }

  private final Wiring wiring;
  private final BotServer server;
  private final Optional<SocketModeApp> socketMode;
  private final AtomicBoolean listening = new AtomicBoolean(true);

  private Bot(Wiring wiring, BotServer server, Optional<SocketModeApp> socketMode) {
    this.wiring = wiring;
    this.server = server;
    this.socketMode = socketMode;
  }

  /**
   * Wires the bot, starts its server on the configured port (0 picks a free one) and connects it to
   * Slack: in Socket Mode when {@code SLACK_APP_TOKEN} is set, else over HTTP. Returns once it
   * serves; on failure, whatever was started is stopped again.
   *
   * @param telemetry where spans and metrics go; {@link Telemetry#noop()} records nothing
   * @throws ConfigException when a Slack credential is missing, malformed or refused, or Slack is
   *     out of reach: the bot would otherwise look healthy with no request ever arriving
   */
  public static Bot start(Config config, Clock clock, Telemetry telemetry) throws Exception {
    ConfigLoader.checkServing(config);
    SlackFace face = config.slack().socketMode() ? SlackFace.SOCKET_MODE : SlackFace.HTTP;
    return start(config, clock, telemetry, face);
  }

  /**
   * Starts the bot with the given Slack face; {@link SlackFace#NONE} needs no Slack credentials.
   */
  static Bot start(Config config, Clock clock, Telemetry telemetry, SlackFace face)
      throws Exception {
    Wiring wiring = new Wiring(config, clock, telemetry);
    BotServer server = null;
    try {
      Optional<App> app =
          face == SlackFace.NONE ? Optional.empty() : Optional.of(slackApp(config, wiring));
      // Slack posts to the server only in HTTP mode; Socket Mode brings requests over the socket.
      server = server(config, wiring, face == SlackFace.HTTP ? app : Optional.empty());
      server.start();
      Optional<SocketModeApp> socket = Optional.empty();
      if (face == SlackFace.SOCKET_MODE) {
        String appToken = config.slack().appToken().orElseThrow().value();
        socket =
            Optional.of(SlackApp.startSocketMode(appToken, app.orElseThrow(), wiring.slackLink));
      }
      return new Bot(wiring, server, socket);
    } catch (Exception | Error failed) {
      // Jetty's threads would keep the process up, healthy-looking, with no Slack traffic arriving.
      if (server != null) {
        server.stop();
      }
      wiring.drain();
      throw failed;
    }
  }

  private static App slackApp(Config config, Wiring wiring) {
    return SlackApp.create(
        config,
        slack(config),
        wiring.slackServices(),
        wiring.jobs,
        wiring.slackCalls,
        Ticker.systemTicker(),
        wiring.telemetry,
        Optional.of(wiring.progressTimer),
        new SlackApp.HomeSources(ReadinessWiring.home(wiring.readiness), wiring.clock));
  }

  private static BotServer server(Config config, Wiring wiring, Optional<App> slackServlet) {
    return BotServer.create(
        config,
        slackServlet,
        wiring.lookup,
        wiring.cache,
        wiring.audit,
        wiring.clock,
        wiring.readiness,
        Optional.of(wiring.blastRadii));
  }

  /**
   * Returns the Slack SDK client for the configured Web API. Every call, response_url posts
   * included, ends within {@link #SLACK_CALL_TIMEOUT}: the SDK's default waits 10 s per read, so a
   * hung Slack would hold a lookup thread that long for each answer.
   */
  private static Slack slack(Config config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());
    slackConfig.setHttpClientCallTimeoutMillis((int) SLACK_CALL_TIMEOUT.toMillis());
    return Slack.getInstance(slackConfig);
  }

  /** Returns the base URI, with the real port when the configured one was 0. */
  public URI uri() {
    return server.uri();
  }

  /** Returns whether Slack reaches the bot over a websocket instead of {@code /slack/events}. */
  public boolean socketMode() {
    return socketMode.isPresent();
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops taking requests, then lets the lookups in flight deliver their answers, within the lookup
   * budget. Closing again is harmless.
   */
  @Override
  public void close() throws Exception {
    stopListening();
    wiring.drain();
  }

  /**
   * Stops taking requests, over HTTP and over the websocket, and leaves the lookups in flight
   * running: the first half of {@link #close()}, apart for the drill that sends a command between
   * the two.
   */
  void stopListening() throws Exception {
    if (socketMode.isPresent() && listening.getAndSet(false)) {
      // Without this the SDK keeps reconnecting a closed connection.
      socketMode.get().getClient().setAutoReconnectEnabled(false);
      socketMode.get().close();
    }
    server.stop();
  }

  /**
   * Returns the bounded executor lookups (and other slow jobs) run on after the ack, for drills
   * that check its bounds and its drain. This and the next two are all tests read of the wiring.
   */
  ThreadPoolExecutor jobs() {
    return (ThreadPoolExecutor) wiring.jobs;
  }

  /** Returns how many lookup results the cache holds, for tests of erasure. */
  long cachedLookups() {
    return wiring.cache.lookupCount();
  }

  /** Returns the value the card's Share and Refresh buttons carry, for tests that press them. */
  String buttonValue(LookupRequest request) {
    return wiring.tokens.encode(request);
  }
}
