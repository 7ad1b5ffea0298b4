package dev.tracelookup.bench;

import dev.tracelookup.app.Bot;
import dev.tracelookup.config.ConfigLoader;
import dev.tracelookup.server.SignatureOnlyServer;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ack latency under load: the real bot, started by {@link Bot} as {@code serve} starts it, and a
 * bare signature-checking Jetty ({@link SignatureOnlyServer}) take the same signed slash commands
 * side by side, interleaved, at a steady rate and then in bursts, while every lookup's backend
 * takes seconds. Then it waits for every command the bot accepted to get its final answer at its
 * {@code response_url}.
 */
final class AckLoad {
  static final int RATE = 200;
  static final Duration STEADY = Duration.ofSeconds(10);
  static final int BURST = 500;
  static final int BURSTS = 3;
  static final Duration SEARCH_LATENCY = Duration.ofSeconds(1);

  /** How {@code BotServer} names its request threads. */
  private static final String BOT_HTTP_THREADS = "http-";

  private static final Duration WARM_UP = Duration.ofSeconds(2);
  private static final Duration BURST_GAP = Duration.ofSeconds(2);
  private static final Duration ANSWERS_WITHIN = Duration.ofSeconds(120);

  /** Ack times of both endpoints, and what became of every command the bot took. */
  record Result(
      Latencies botSteady,
      Latencies bareSteady,
      Latencies botAlone,
      Latencies bareAlone,
      Latencies botBurst,
      Latencies bareBurst,
      Delivery delivery,
      CpuPerAck cpu) {}

  /** CPU nanoseconds each server's HTTP threads used per ack during the steady load. */
  record CpuPerAck(long bot, long bare) {}

  /** Commands sent to the bot; acked "looking up", acked "busy", refused or lost; final answers. */
  record Delivery(int commands, int searching, int busy, int failed, int answered) {}

  private final SlashCommands commands;
  private final URI bot;
  private final URI bare;
  private final OpenLoop load = new OpenLoop();
  private final List<OpenLoop.Answer> botAnswers = new ArrayList<>();
  private int sent;

  private AckLoad(SlashCommands commands, URI bot, URI bare) {
    this.commands = commands;
    this.bot = bot.resolve("/slack/events");
    this.bare = bare.resolve("/slack/events");
  }

  static Result run(Path workDir) throws Exception {
    Path config = writeConfig(workDir.resolve("ack"));
    try (FakeSlackApi slack = new FakeSlackApi();
        ResponseUrls responses = new ResponseUrls();
        SlowZipkin zipkin = new SlowZipkin(SEARCH_LATENCY);
        Bot bot =
            Bot.start(
                ConfigLoader.load(env(config, slack, zipkin)),
                Clock.systemUTC(),
                Telemetry.noop());
        SignatureOnlyServer bare = SignatureOnlyServer.start(SlashCommands.SECRET)) {
      for (int agent = 0; agent < SlashCommands.AGENTS; agent++) {
        slack.zone(SlashCommands.agent(agent), "America/New_York");
      }
      return new AckLoad(new SlashCommands(responses.base()), bot.uri(), bare.uri())
          .measure(responses);
    }
  }

  private Result measure(ResponseUrls responses) {
    phase(steady(WARM_UP));
    long botCpu = ThreadCpu.used(BOT_HTTP_THREADS);
    long bareCpu = ThreadCpu.used(SignatureOnlyServer.HTTP_THREADS);
    List<OpenLoop.Answer[]> steady = phase(steady(STEADY));
    CpuPerAck cpu =
        new CpuPerAck(
            (ThreadCpu.used(BOT_HTTP_THREADS) - botCpu) / steady.get(0).length,
            (ThreadCpu.used(SignatureOnlyServer.HTTP_THREADS) - bareCpu) / steady.get(1).length);
    // Each endpoint alone at the same rate: the machine then carries 200 commands/s, as the
    // target states, rather than the 400/s of the interleaved phase.
    OpenLoop.Answer[] botAlone = alone(bot, steady(STEADY));
    OpenLoop.Answer[] bareAlone = alone(bare, steady(STEADY));
    List<OpenLoop.Answer[]> bursts = phase(bursts());
    return new Result(
        latencies(steady.get(0)),
        latencies(steady.get(1)),
        latencies(botAlone),
        latencies(bareAlone),
        latencies(bursts.get(0)),
        latencies(bursts.get(1)),
        delivery(responses),
        cpu);
  }

  /** Fires the plan at one endpoint only and returns its answers. */
  private OpenLoop.Answer[] alone(URI endpoint, long[] offsets) {
    List<OpenLoop.Shot> shots = new ArrayList<>(offsets.length);
    for (long offset : offsets) {
      int n = sent++;
      shots.add(new OpenLoop.Shot(offset, () -> commands.command(endpoint, n)));
    }
    OpenLoop.Answer[] answers = load.fire(shots).toArray(OpenLoop.Answer[]::new);
    if (endpoint.equals(bot)) {
      botAnswers.addAll(List.of(answers));
    }
    return answers;
  }

  /** Fires the plan (pairs of offsets: bot, bare) and returns both endpoints' answers. */
  private List<OpenLoop.Answer[]> phase(long[] offsets) {
    List<OpenLoop.Shot> shots = new ArrayList<>(offsets.length * 2);
    for (long offset : offsets) {
      int n = sent++;
      shots.add(new OpenLoop.Shot(offset, () -> commands.command(bot, n)));
      shots.add(
          new OpenLoop.Shot(offset + 1_000_000_000L / RATE / 2, () -> commands.command(bare, n)));
    }
    List<OpenLoop.Answer> answers = load.fire(shots);
    OpenLoop.Answer[] toBot = new OpenLoop.Answer[offsets.length];
    OpenLoop.Answer[] toBare = new OpenLoop.Answer[offsets.length];
    for (int i = 0; i < offsets.length; i++) {
      toBot[i] = answers.get(2 * i);
      toBare[i] = answers.get(2 * i + 1);
    }
    botAnswers.addAll(List.of(toBot));
    return List.of(toBot, toBare);
  }

  private static long[] steady(Duration length) {
    long[] offsets = new long[(int) (length.toSeconds() * RATE)];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i * 1_000_000_000L / RATE;
    }
    return offsets;
  }

  /** All of a burst planned for the same instant: each is timed from that instant. */
  private static long[] bursts() {
    long[] offsets = new long[BURST * BURSTS];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = (i / BURST) * BURST_GAP.toNanos();
    }
    return offsets;
  }

  private Delivery delivery(ResponseUrls responses) {
    int searching = 0;
    int busy = 0;
    for (OpenLoop.Answer answer : botAnswers) {
      boolean ok = answer.status() == 200;
      searching += ok && answer.body().contains("Looking up traces") ? 1 : 0;
      // Both "busy" answers: every lookup thread taken, and admission's likely wait.
      busy += ok && answer.body().contains("busy") ? 1 : 0;
    }
    int answered = responses.awaitAnswers(searching, ANSWERS_WITHIN);
    return new Delivery(
        botAnswers.size(), searching, busy, botAnswers.size() - searching - busy, answered);
  }

  private static Latencies latencies(OpenLoop.Answer[] answers) {
    long[] nanos = new long[answers.length];
    for (int i = 0; i < answers.length; i++) {
      nanos[i] = answers[i].status() == 200 ? answers[i].latencyNanos() : Long.MAX_VALUE;
    }
    return Latencies.of(nanos);
  }

  static Map<String, String> env(Path config, FakeSlackApi slack, SlowZipkin zipkin) {
    return Map.of(
        "TRACE_LOOKUP_CONFIG",
        config.toString(),
        "PORT",
        "0",
        "SLACK_API_URL",
        slack.apiUrl(),
        "SLACK_SIGNING_SECRET",
        SlashCommands.SECRET,
        "SLACK_BOT_TOKEN",
        "xoxb-bench",
        "TRACE_BACKEND_TYPE",
        "zipkin",
        "TRACE_BACKEND_URL",
        zipkin.uri().toString());
  }

  /**
   * The shipped defaults (8 lookups at once, 100 queued), minus the demo incidents; audit to a
   * file.
   */
  private static Path writeConfig(Path directory) throws Exception {
    Files.createDirectories(directory);
    Path config = directory.resolve("trace-lookup.yml");
    Files.writeString(
        config, "incidents:\n  sources: []\naudit:\n  destination: file\n  path: audit.jsonl\n");
    return config;
  }
}
