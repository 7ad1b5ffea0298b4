package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Overload drill: more commands at once than {@code lookup.threads + lookup.max-queued} while the
 * backend hangs. The extra ones are told "busy" in their ack, at once; the executor, its queue and
 * the bot's threads stay within their configured bounds; the busy ones never reach the backend; and
 * every accepted one still gets its one answer.
 */
final class OverloadDrillTest {
  private static final int THREADS = 2;
  private static final int MAX_QUEUED = 3;
  private static final int BURST = 30;

  /** Slack shows the agent an error when the ack takes longer. */
  private static final Duration SLACK_ACK_LIMIT = Duration.ofSeconds(3);

  private static final Pattern QUERIED_USER = Pattern.compile("usr_overload\\d+");
  @TempDir Path dir;
  private FaultyServer zipkin;
  private DrillBot bot;

  @BeforeEach
  void start() throws Exception {
    zipkin = new FaultyServer(Fault.SLOW, FakeHttpServer.Reply.json("[]"));
    bot = DrillBot.start(dir, THREADS, MAX_QUEUED, DrillBot.zipkin(zipkin.uri()), zipkin);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @Test
  void burst_beyondThreadsAndQueue_extraCommandsAreToldBusyAtOnceAndResourcesStayBounded()
      throws Exception {
    BotThreads threads = BotThreads.baseline();
    FinalAnswers answers = new FinalAnswers(bot.slackApi);
    List<CompletableFuture<Duration>> ackTimes = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();

    for (int i = 0; i < BURST; i++) {
      long sent = System.nanoTime();
      CompletableFuture<HttpResponse<String>> ack =
          bot.command("usr_overload" + i + " 2026-02-06 14:15 tz UTC", "overload-" + i);
      acks.add(ack);
      ackTimes.add(ack.thenApply(response -> Duration.ofNanos(System.nanoTime() - sent)));
    }
    List<String> accepted = new ArrayList<>();
    int busy = 0;
    for (int i = 0; i < BURST; i++) {
      String body = acks.get(i).get().body();
      if (body.contains("busy with other lookups right now, try again in a minute")) {
        busy++;
      } else {
        assertThat(body).contains("Looking up");
        accepted.add("overload-" + i);
      }
      assertThat(ackTimes.get(i).get()).isLessThan(SLACK_ACK_LIMIT);
    }
    assertThat(bot.jobs().getLargestPoolSize()).isLessThanOrEqualTo(THREADS);
    assertThat(bot.jobs().getQueue().size() + bot.jobs().getQueue().remainingCapacity())
        .isEqualTo(MAX_QUEUED);
    assertThat(threads.startedSince("lookup-")).isLessThanOrEqualTo(THREADS);
    assertThat(threads.startedSince("search-")).isLessThanOrEqualTo(THREADS);
    zipkin.release();

    assertThat(accepted).hasSize(THREADS + MAX_QUEUED);
    assertThat(busy).isEqualTo(BURST - THREADS - MAX_QUEUED);
    assertThat(answers.awaitEach(accepted, DrillBot.BUDGET.plus(DrillBot.MARGIN).multipliedBy(3)))
        .isTrue();
    bot.shutdown();
    answers.collectRest();
    for (int i = 0; i < BURST; i++) {
      String id = "overload-" + i;
      assertThat(answers.of(id)).as(id).hasSize(accepted.contains(id) ? 1 : 0);
    }
    assertThat(queriedUsers()).hasSize(THREADS + MAX_QUEUED);
    assertThat(threads.stillAliveSince("lookup-", "search-", "fetch-")).isZero();
  }

  /** Returns the customer IDs the backend was asked about: only accepted lookups reach it. */
  private Set<String> queriedUsers() throws InterruptedException {
    Set<String> users = new HashSet<>();
    FakeHttpServer server = zipkin.server();
    while (server.pending() > 0) {
      String query = server.takeRequest(Duration.ofSeconds(1)).query();
      Matcher user =
          QUERIED_USER.matcher(URLDecoder.decode(String.valueOf(query), StandardCharsets.UTF_8));
      while (user.find()) {
        users.add(user.group());
      }
    }
    return users;
  }
}
