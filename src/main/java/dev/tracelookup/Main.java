package dev.tracelookup;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.cli.LookupCommand;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.server.BotServer;
import dev.tracelookup.slack.SlackApp;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, wires the object graph and starts the chosen face. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);
  private static final Duration SLACK_CALL_TIMEOUT = Duration.ofSeconds(5);
  private static final String USAGE = "usage: trace-lookup serve | trace-lookup lookup [--format text|blocks] [--zone ZONE] <user-id> [time] [options]";

  private Main() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "serve" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    try {
      if (mode.equals("serve")) {
        serve(ConfigLoader.load(System.getenv()));
      } else if (mode.equals("lookup")) {
        Wiring wiring = new Wiring(ConfigLoader.load(System.getenv()), Clock.systemUTC());
        System.exit(new LookupCommand(wiring.parser, wiring.lookup, wiring.presenter, wiring.usage(), System.out, System.err)
            .run(rest, ZoneId.systemDefault()));
      } else {
        System.err.println(USAGE);
        System.exit(mode.equals("help") || mode.equals("--help") ? 0 : 2);
      }
    } catch (ConfigException invalid) {
      System.err.println(invalid.getMessage());
      System.exit(78);
    }
  }

  private static void serve(Config config) throws Exception {
    ConfigLoader.checkServing(config);
    // The Java agent (or an SDK set up as global) installs itself here; without one this is a no-op.
    Wiring wiring = new Wiring(config, Clock.systemUTC(), GlobalOpenTelemetry.get());
    App app = SlackApp.create(config, slack(config), wiring.slackServices(), wiring.jobs, wiring.slackCalls,
        Ticker.systemTicker(), wiring.telemetry);
    BotServer server = BotServer.create(config, config.slack().socketMode() ? Optional.empty() : Optional.of(app),
        wiring.lookup, wiring.cache, wiring.audit, wiring.clock, wiring.readiness);
    server.start();
    if (config.slack().socketMode()) {
      try {
        SlackApp.startSocketMode(config.slack().appToken().orElseThrow().value(), app, wiring.slackLink);
      } catch (Exception notConnected) {
        // Jetty's threads would keep the process up, healthy-looking, with no Slack traffic arriving.
        server.stop();
        throw notConnected;
      }
      log.info("connected to Slack in Socket Mode; health at {}healthz and {}readyz", server.uri(), server.uri());
    } else {
      log.info("listening for Slack at {}slack/events; health at {}healthz and {}readyz", server.uri(), server.uri(),
          server.uri());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(server, wiring), "shutdown"));
    server.join();
  }

  /**
   * Returns the Slack SDK client for the configured Web API. Every call, response_url posts
   * included, ends within {@link #SLACK_CALL_TIMEOUT}: the SDK's default waits 10 s per read, so a
   * hung Slack would hold a lookup thread that long for each answer.
   */
  static Slack slack(Config config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slack().apiUrl());
    slackConfig.setHttpClientCallTimeoutMillis((int) SLACK_CALL_TIMEOUT.toMillis());
    return Slack.getInstance(slackConfig);
  }

  /** Stops taking requests, then lets the lookups in flight deliver their answers. */
  static void shutdown(BotServer server, Wiring wiring) {
    try {
      log.info("stopping: finishing the lookups in flight");
      server.stop();
      wiring.drain();
    } catch (Exception stopFailed) {
      log.warn("shutdown was not clean", stopFailed);
    }
  }
}
