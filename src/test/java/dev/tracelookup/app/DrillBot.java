package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeSlackApi;
import dev.tracelookup.testing.SlackRequests;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The whole bot, started by {@link Bot} as {@code Main serve} starts it, on a free port against
 * local fakes: the subject of the fault drills. Lookups get a short budget so a drill that waits
 * one out stays fast.
 */
final class DrillBot implements AutoCloseable {
  static final String SECRET = "drill-signing-secret";
  static final String BOT_TOKEN = "xoxb-drill-bot-token";
  static final String ZENDESK_TOKEN = "zd-drill-token";
  static final Duration BUDGET = Duration.ofSeconds(2);

  /** Two cores shared with other builds: room for scheduling on top of the budget. */
  static final Duration MARGIN = Duration.ofMillis(2500);

  final FakeSlackApi slackApi;
  final SlackRequests requests;
  private final Bot bot;
  private final List<AutoCloseable> dependencies;

  private DrillBot(FakeSlackApi slackApi, Bot bot, List<AutoCloseable> dependencies) {
    this.slackApi = slackApi;
    this.bot = bot;
    this.requests = new SlackRequests(bot.uri(), SECRET);
    this.dependencies = dependencies;
  }

  /**
   * Starts the bot with the lookup settings and the given YAML sections (backend, incidents,
   * tickets) written to a config file in {@code dir}; {@link #close()} closes the dependencies too.
   */
  static DrillBot start(
      Path dir, int threads, int maxQueued, String yaml, AutoCloseable... dependencies)
      throws Exception {
    FakeSlackApi slackApi = new FakeSlackApi();
    slackApi.zone("U0AGENT", "UTC");
    Path file =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            "lookup:\n  budget: "
                + BUDGET.toSeconds()
                + "s\n"
                + "  threads: "
                + threads
                + "\n  max-queued: "
                + maxQueued
                + "\n"
                + "audit:\n  destination: file\n  path: "
                + dir.resolve("audit.jsonl")
                + "\n"
                + yaml);
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "TRACE_LOOKUP_CONFIG",
                file.toString(),
                "PORT",
                "0",
                "SLACK_API_URL",
                slackApi.apiUrl(),
                "SLACK_SIGNING_SECRET",
                SECRET,
                "SLACK_BOT_TOKEN",
                BOT_TOKEN,
                "ZENDESK_EMAIL",
                "agent@acme.com",
                "ZENDESK_API_TOKEN",
                ZENDESK_TOKEN));
    Bot bot = Bot.start(ConfigLoader.load(env), Clock.systemUTC(), Telemetry.noop());
    return new DrillBot(slackApi, bot, List.of(dependencies));
  }

  /** A Zipkin backend at the URL, each HTTP attempt cut at the lookup budget. */
  static String zipkin(URI url) {
    return "backend:\n  type: zipkin\n  url: " + url + "\n  timeout: " + BUDGET.toSeconds() + "s\n";
  }

  /** The demo directory backend: healthy, with the failing checkout of usr_k8x9m2. */
  static String demoBackend() {
    return "backend:\n  directory: " + Path.of("config/demo").toAbsolutePath() + "\n";
  }

  /** Sends {@code /trace-lookup text}; its answers go to the fake response_url {@code id}. */
  CompletableFuture<HttpResponse<String>> command(String text, String id) {
    return command(text, slackApi.responseUrl(id), "trigger-" + id);
  }

  /** Sends {@code /trace-lookup text} with its answers going to {@code responseUrl}. */
  CompletableFuture<HttpResponse<String>> command(String text, URI responseUrl, String triggerId) {
    return requests.sendForm(
        SlackRequests.slashCommand("/trace-lookup", text, responseUrl, triggerId));
  }

  URI responseUrl(String id) {
    return slackApi.responseUrl(id);
  }

  /** Returns the bot's base URI. */
  URI uri() {
    return bot.uri();
  }

  ThreadPoolExecutor jobs() {
    return bot.jobs();
  }

  /**
   * Stops taking requests and leaves the lookups in flight running, as the first half of {@link
   * #shutdown()}.
   */
  void stopListening() throws Exception {
    bot.stopListening();
  }

  /**
   * Shuts down as the process does on SIGTERM: stop listening, then drain the lookups in flight.
   */
  void shutdown() {
    try {
      bot.close();
    } catch (Exception stopFailed) {
      throw new IllegalStateException("the bot did not stop cleanly", stopFailed);
    }
  }

  /**
   * Sends one {@code /trace-lookup} per text at once (invocation {@code prefix-i}), checks each is
   * acked as a lookup under way, waits for their answers, drains the bot and returns what came.
   */
  FinalAnswers lookupBurst(String prefix, List<String> texts) throws Exception {
    FinalAnswers answers = new FinalAnswers(slackApi);
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      ids.add(prefix + "-" + i);
      acks.add(command(texts.get(i), ids.get(i)));
    }
    for (CompletableFuture<HttpResponse<String>> ack : acks) {
      assertThat(ack.get().body()).contains("Looking up");
    }
    assertThat(answers.awaitEach(ids, BUDGET.plus(MARGIN).multipliedBy(2))).isTrue();
    shutdown();
    answers.collectRest();
    return answers;
  }

  @Override
  public void close() throws Exception {
    shutdown();
    slackApi.close();
    for (AutoCloseable dependency : dependencies) {
      dependency.close();
    }
  }
}
