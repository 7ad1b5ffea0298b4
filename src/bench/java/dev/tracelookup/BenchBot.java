package dev.tracelookup;

import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.server.BotServer;
import dev.tracelookup.slack.SlackApp;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The bot in HTTP mode, wired exactly as {@code serve} wires it (the same {@link Wiring}, Bolt app
 * and Jetty server), inside the benchmark JVM so a load generator can measure its acks.
 */
public final class BenchBot implements AutoCloseable {
  /** How {@code BotServer} names its request threads. */
  public static final String HTTP_THREADS = "http-";
  private final Wiring wiring;
  private final BotServer server;

  private BenchBot(Wiring wiring, BotServer server) {
    this.wiring = wiring;
    this.server = server;
  }

  /** Starts the bot with this environment, as {@code serve} reads it; returns once it listens. */
  public static BenchBot start(Map<String, String> env) throws Exception {
    Config config = ConfigLoader.load(env);
    ConfigLoader.checkServing(config);
    Wiring wiring = new Wiring(config, Clock.systemUTC());
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());
    Slack slack = Slack.getInstance(slackConfig);
    BotServer server = BotServer.create(config, Optional.of(SlackApp.create(config, slack, wiring.slackServices(),
        wiring.jobs, wiring.slackCalls, Ticker.systemTicker())), wiring.lookup, wiring.cache, wiring.audit, wiring.clock);
    server.start();
    return new BenchBot(wiring, server);
  }

  /** Returns the base URI; Slack posts to {@code slack/events} under it. */
  public URI uri() {
    return server.uri();
  }

  /** Stops the server, then lets the queued lookups finish and deliver their answers. */
  @Override
  public void close() throws Exception {
    server.stop();
    wiring.drain();
  }
}
