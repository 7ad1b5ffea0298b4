package dev.tracelookup.bench;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.FakeSlackApi;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * The bot as agents meet it during an incident, counted in cards: the packaged {@code serve} in a
 * process of its own (shipped defaults, its memory measured alone), a Zipkin that takes 2 s to
 * answer every search; after a warm-up of 500 commands at 50 a second, 200 commands a second for 10
 * s, then a burst of 300 at once. Every command is a different customer, so nothing comes from the
 * cache.
 *
 * <p>A command counts as served when its card (the failing trace's root cause) reaches its {@code
 * response_url} within the lookup budget of 25 s, timed from the instant the command was planned to
 * leave. "Busy" answers and late or failed lookups are counted apart.
 */
final class CardLoad {
  static final int RATE = 200;
  static final Duration STEADY = Duration.ofSeconds(10);
  static final int BURST = 300;
  static final Duration LATENCY = Duration.ofSeconds(2);
  static final Duration BUDGET = Duration.ofSeconds(25);

  /** Requests the bot may have open at the fake at once; the fake has room for any number. */
  static final int MAX_CONCURRENT = 1024;

  private static final Duration DRAIN = Duration.ofSeconds(60);

  /** What became of one phase's commands. */
  record Phase(
      String name,
      int commands,
      int acked,
      int cardsInTime,
      int lateCards,
      int busy,
      int otherAnswers,
      int unanswered,
      Latencies acks,
      Latencies toCard) {}

  /** Both phases, the bot process's memory, and the searches the backend served. */
  /**
   * @param nativeMemory what NMT says is committed, by category, at the end of the sustained phase
   *     (the threads it started are still alive then: idle ones end after 30 s)
   */
  record Result(
      Phase warmUp,
      Phase steady,
      Phase burst,
      long rssKb,
      long peakRssKb,
      long searches,
      long cpuMillis,
      Map<String, Long> nativeMemory,
      int progressPosts) {}

  /** The heap the bot runs with here: a 512 MB container's, leaving room for threads and code. */
  static final String HEAP = "-Xmx256m";

  private final SlashCommands commands;
  private final URI bot;
  private final Answers answers;
  private final OpenLoop load = new OpenLoop();
  private int sent;

  private CardLoad(SlashCommands commands, URI bot, Answers answers) {
    this.commands = commands;
    this.bot = bot.resolve("/slack/events");
    this.answers = answers;
  }

  static Result run(Path workDir) throws Exception {
    Path directory = workDir.resolve("cards");
    Files.createDirectories(directory);
    Path config = directory.resolve("trace-lookup.yml");
    Files.writeString(
        config,
        "backend:\n  max-concurrent: "
            + MAX_CONCURRENT
            + "\nincidents:\n  sources: []\naudit:\n  destination: file\n  path: audit.jsonl\n");
    try (FakeSlackApi slack = new FakeSlackApi();
        Answers answers = new Answers();
        SlowZipkin zipkin = new SlowZipkin(LATENCY)) {
      for (int agent = 0; agent < SlashCommands.AGENTS; agent++) {
        slack.zone(SlashCommands.agent(agent), "America/New_York");
      }
      // The process's own PORT is its free port, set by ServeProcess over AckLoad's 0.
      Map<String, String> env = AckLoad.env(config, slack, zipkin);
      try (ServeProcess.Running serve =
          ServeProcess.start(
              env, directory.resolve("bot.log"), Duration.ofSeconds(60), jvmOptions())) {
        CardLoad bench = new CardLoad(new SlashCommands(answers.base()), serve.base(), answers);
        // A fresh JVM spends its first seconds compiling: warm it as a running bot would be.
        Phase warmUp = bench.phase("50/s (warm-up)", warmUp());
        long cpuBefore = serve.cpuMillis();
        Phase steady = bench.phase("200/s for 10 s", steady());
        Map<String, Long> nativeMemory = serve.nativeMemory();
        Phase burst = bench.phase("300 at once", new long[BURST]);
        Map<String, Long> status = serve.status();
        return new Result(
            warmUp,
            steady,
            burst,
            status.get("VmRSS"),
            status.get("VmHWM"),
            zipkin.searches(),
            serve.cpuMillis() - cpuBefore,
            nativeMemory,
            answers.progressPosts());
      }
    }
  }

  /**
   * The bot's JVM options: the heap, NMT for the memory line, and {@code BENCH_SERVE_JVM} (split on
   * spaces) to profile it, e.g. {@code -XX:StartFlightRecording=filename=/tmp/cards.jfr}.
   */
  private static List<String> jvmOptions() {
    List<String> options = new ArrayList<>(List.of(HEAP, "-XX:NativeMemoryTracking=summary"));
    String extra = System.getenv("BENCH_SERVE_JVM");
    if (extra != null && !extra.isBlank()) {
      options.addAll(List.of(extra.trim().split("\\s+")));
    }
    return options;
  }

  /** 50 commands a second for 10 s. */
  private static long[] warmUp() {
    long[] offsets = new long[500];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i * 20_000_000L;
    }
    return offsets;
  }

  private static long[] steady() {
    long[] offsets = new long[(int) (STEADY.toSeconds() * RATE)];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i * 1_000_000_000L / RATE;
    }
    return offsets;
  }

  /** Fires the commands, waits for every answer or the drain time, and counts what came back. */
  private Phase phase(String name, long[] offsets) {
    int first = sent;
    List<OpenLoop.Shot> shots = new ArrayList<>(offsets.length);
    for (long offset : offsets) {
      int n = sent++;
      shots.add(new OpenLoop.Shot(offset, () -> commands.command(bot, n)));
    }
    List<OpenLoop.Answer> acks = load.fire(shots);
    int acked = 0;
    int busy = 0;
    List<Integer> searching = new ArrayList<>();
    long[] ackNanos = new long[acks.size()];
    for (int i = 0; i < acks.size(); i++) {
      OpenLoop.Answer ack = acks.get(i);
      ackNanos[i] = ack.status() == 200 ? ack.latencyNanos() : Long.MAX_VALUE;
      if (ack.status() == 200) {
        acked++;
        if (ack.body().contains("busy")) {
          busy++;
        } else {
          searching.add(first + i);
        }
      }
    }
    answers.await(searching, DRAIN);
    int inTime = 0;
    int late = 0;
    int other = 0;
    int unanswered = 0;
    List<Long> toCard = new ArrayList<>();
    for (int n : searching) {
      Final answer = answers.of(n);
      if (answer == null) {
        unanswered++;
      } else if (answer.card()) {
        long took = answer.arrivedNanos() - acks.get(n - first).plannedNanos();
        toCard.add(took);
        if (took <= BUDGET.toNanos()) {
          inTime++;
        } else {
          late++;
        }
      } else if (answer.busy()) {
        busy++;
      } else {
        other++;
      }
    }
    return new Phase(
        name,
        offsets.length,
        acked,
        inTime,
        late,
        busy,
        other,
        unanswered,
        Latencies.of(ackNanos),
        toCard.isEmpty()
            ? Latencies.of(new long[] {Long.MAX_VALUE})
            : Latencies.of(toCard.stream().mapToLong(Long::longValue).toArray()));
  }

  /** One final answer at a command's {@code response_url}. */
  record Final(long arrivedNanos, boolean card, boolean busy) {}

  /** Slack's {@code response_url}s: what each command's final answer was, and when it came. */
  private static final class Answers implements AutoCloseable {
    private static final Pattern PROGRESS =
        Pattern.compile(
            "Still waiting for .+ to answer the search|found \\d+ traces?, reading them"
                + "|and they are read; working out");
    private final Map<Integer, Final> byCommand = new ConcurrentHashMap<>();
    private final AtomicInteger progressPosts = new AtomicInteger();
    private final FakeHttpServer server;

    Answers() throws Exception {
      this.server =
          new FakeHttpServer(
              request -> {
                long now = System.nanoTime();
                String path = request.path();
                int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                String body = request.body();
                if (PROGRESS.matcher(body).find()) {
                  // The one "where it stands" a slow lookup posts; its card replaces it.
                  progressPosts.incrementAndGet();
                } else {
                  keepFirst(n, new Final(now, body.contains("Root cause"), body.contains("busy")));
                }
                return Reply.status(200, "ok");
              });
    }

    private void keepFirst(int n, Final answer) {
      byCommand.putIfAbsent(n, answer);
    }

    URI base() {
      return server.uri().resolve("/response/");
    }

    int progressPosts() {
      return progressPosts.get();
    }

    Final of(int n) {
      return byCommand.get(n);
    }

    void await(List<Integer> expected, Duration within) {
      long deadline = System.nanoTime() + within.toNanos();
      while (System.nanoTime() < deadline && !expected.stream().allMatch(byCommand::containsKey)) {
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
    }

    @Override
    public void close() throws Exception {
      server.close();
    }
  }
}
