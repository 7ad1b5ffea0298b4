package dev.tracelookup.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.SmallHeapProbe;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory drill (issue 12, item 3): the bot runs in a JVM of its own with {@code -Xmx512m} and the
 * shipped defaults, against a Tempo whose every search names 20 traces of about 62 MB each. Several
 * agents look up at once. Every lookup answers within the lookup budget, with what fitted and a
 * note on the rest, or with a sentence saying the answers were too large; {@code /healthz} answers
 * throughout; the JVM never runs out of heap (it would exit at once).
 */
final class SmallHeapDrillTest {
  private static final int HEAP_MIB = 512;

  /** About 520 bytes of OTLP JSON each: traces of about 62 MB, as in the report. */
  private static final int SPANS_PER_TRACE = 120_000;

  private static final int LOOKUPS = 6;
  private static final Duration BUDGET = Duration.ofSeconds(25);

  /** Two cores shared with other builds, a generating backend and GC: room on top of the budget. */
  private static final Duration MARGIN = Duration.ofSeconds(5);

  private static final Duration HEALTH_BOUND = Duration.ofSeconds(3);
  private static final Duration HEALTH_EVERY = Duration.ofMillis(500);
  private static final String TOKEN = "drill-lookup-token";
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_BOUND).build();
  private final BlockingQueue<String> output = new LinkedBlockingQueue<>();
  private HostileTempo tempo;
  private Process bot;

  @AfterEach
  void stop() throws Exception {
    if (bot != null) {
      bot.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    tempo.close();
  }

  @Test
  void hugeTraces_manyLookupsIn512MiB_everyLookupAnswersInBudgetAndHealthKeepsAnswering()
      throws Exception {
    tempo = new HostileTempo(SPANS_PER_TRACE);
    URI base = startBot();
    // A first lookup warms the bot up: the drill is about hostile answers, not about a cold JVM.
    assertThat(lookup(base, "usr_warmup").get().body()).contains("GET /healthy");
    assertThat(healthz(base)).isLessThan(HEALTH_BOUND);
    List<CompletableFuture<Answer>> lookups = new ArrayList<>();
    for (int i = 0; i < LOOKUPS; i++) {
      lookups.add(lookup(base, "usr_huge" + i));
    }
    List<Duration> health = new ArrayList<>();
    while (!CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new)).isDone()) {
      health.add(healthz(base));
      // Paces the probes like a load balancer's health checks; nothing waits on it.
      LockSupport.parkNanos(HEALTH_EVERY.toNanos());
    }

    assertThat(bot.isAlive())
        .as("the bot is still running: it did not run out of heap\n" + output)
        .isTrue();
    assertThat(health)
        .as("/healthz while the lookups ran")
        .allSatisfy(took -> assertThat(took).isLessThan(HEALTH_BOUND));
    for (CompletableFuture<Answer> lookup : lookups) {
      Answer answer = lookup.get();
      assertThat(answer.took()).as(answer.body()).isLessThanOrEqualTo(BUDGET.plus(MARGIN));
      assertThat(answer.body())
          .as("a card with a note on what was left out, or a sentence for the agent")
          .satisfiesAnyOf(
              body -> assertThat(body).contains("\"traces\":[{").contains("could not be read"),
              body -> assertThat(body).contains("busy reading other large answers from Tempo"),
              body -> assertThat(body).contains("Tempo sent more data than the bot accepts"));
    }
    assertThat(healthz(base)).isLessThan(HEALTH_BOUND);
    bot.getOutputStream().close();
    assertThat(bot.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(bot.exitValue()).as(String.join("\n", output)).isZero();
  }

  /** Starts the bot with the shipped defaults but the backend, and returns where it listens. */
  private URI startBot() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("trace-lookup.yml"),
            tempo.backendYaml("10s")
                + "audit:\n  destination: file\n  path: "
                + dir.resolve("audit.jsonl")
                + "\n");
    bot =
        SmallHeapProbe.start(
            SmallHeapBot.class,
            HEAP_MIB,
            Map.of(
                "TRACE_LOOKUP_CONFIG", config.toString(), "PORT", "0", "LOOKUP_API_TOKEN", TOKEN));
    Thread reader =
        new Thread(
            () ->
                new BufferedReader(new InputStreamReader(bot.getInputStream(), UTF_8))
                    .lines()
                    .forEach(output::add),
            "small-heap-bot-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = output.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith("listening ")) {
        return URI.create(line.substring("listening ".length()));
      }
    }
    throw new AssertionError("the bot did not start:\n" + output);
  }

  private record Answer(String body, Duration took) {}

  private CompletableFuture<Answer> lookup(URI base, String user) {
    long sent = System.nanoTime();
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve(
                    "/api/lookup?user_id="
                        + user
                        + "&start=2026-02-06T14:00:00Z&end=2026-02-06T14:30:00Z"))
            .header("Authorization", "Bearer " + TOKEN)
            .timeout(BUDGET.plus(MARGIN).multipliedBy(2))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, failed) ->
                new Answer(
                    failed != null ? "no answer: " + failed : response.body(),
                    Duration.ofNanos(System.nanoTime() - sent)));
  }

  private Duration healthz(URI base) throws Exception {
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve("/healthz")).timeout(HEALTH_BOUND).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      return Duration.ofNanos(System.nanoTime() - sent);
    } catch (HttpTimeoutException | java.net.ConnectException gone) {
      return HEALTH_BOUND;
    }
  }
}
