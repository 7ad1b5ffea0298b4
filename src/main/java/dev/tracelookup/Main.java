package dev.tracelookup;

import dev.tracelookup.app.Bot;
import dev.tracelookup.app.LookupCli;
import dev.tracelookup.config.Config;
import dev.tracelookup.config.ConfigException;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration and starts the chosen face; {@code app/} wires it. */
public final class Main {
  private static final String COMMON_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";

  static {
    // The JDK's HttpClient hands each answer on through CompletableFuture's default executor. On a
    // machine of 2 cores the common pool has one thread, and CompletableFuture then starts a new
    // thread per task instead: a thread born and dying for every backend answer, which took more
    // CPU under load than the lookups themselves (BENCHMARKS.md, issue 16). Set before anything
    // touches the pool; an operator's own -D setting wins.
    if (System.getProperty(COMMON_PARALLELISM) == null) {
      System.setProperty(
          COMMON_PARALLELISM,
          String.valueOf(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
    }
  }

  private static final Logger log = LoggerFactory.getLogger(Main.class);
  private static final String USAGE =
      "usage: trace-lookup serve | trace-lookup lookup [--format text|blocks] [--zone ZONE]"
          + " <user-id> [time] [options]";

  private Main() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length == 0 ? "serve" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    try {
      if (mode.equals("serve")) {
        serve(ConfigLoader.load(System.getenv()));
      } else if (mode.equals("lookup")) {
        Config config = ConfigLoader.load(System.getenv());
        ZoneId zone = ZoneId.systemDefault();
        System.exit(LookupCli.run(config, Clock.systemUTC(), rest, zone, System.out, System.err));
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
    // The Java agent (or an SDK set up as global) installs itself here; else this is a no-op.
    Bot bot = Bot.start(config, Clock.systemUTC(), Telemetry.of(GlobalOpenTelemetry.get()));
    URI uri = bot.uri();
    if (bot.socketMode()) {
      log.info("connected to Slack in Socket Mode; health at {}healthz and {}readyz", uri, uri);
    } else {
      log.info(
          "listening for Slack at {}slack/events; health at {}healthz and {}readyz", uri, uri, uri);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(bot), "shutdown"));
    bot.join();
  }

  /** Stops taking requests, then lets the lookups in flight deliver their answers. */
  private static void shutdown(Bot bot) {
    try {
      log.info("stopping: finishing the lookups in flight");
      bot.close();
    } catch (Exception stopFailed) {
      log.warn("shutdown was not clean", stopFailed);
    }
  }
}
