package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shutdown drill, as on SIGTERM ({@code Main}'s shutdown hook, {@link Bot#close()}): the server
 * stops taking requests, and the lookups already running or queued still deliver their one answer
 * before the process may exit; a command sent after the stop is refused, not swallowed.
 */
final class ShutdownDrillTest {
  private static final int THREADS = 2;
  private static final int IN_FLIGHT = 4;
  @TempDir Path dir;
  private FaultyServer zipkin;
  private DrillBot bot;

  @BeforeEach
  void start() throws Exception {
    zipkin = new FaultyServer(Fault.SLOW, FakeHttpServer.Reply.json("[]"));
    bot = DrillBot.start(dir, THREADS, IN_FLIGHT, DrillBot.zipkin(zipkin.uri()), zipkin);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @Test
  void shutdown_withLookupsRunningAndQueued_deliversEveryAnswerAndRefusesNewCommands()
      throws Exception {
    FinalAnswers answers = new FinalAnswers(bot.slackApi);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < IN_FLIGHT; i++) {
      ids.add("drain-" + i);
      assertThat(bot.command("usr_drain" + i + " 2026-02-06 14:15 tz UTC", ids.get(i)).get().body())
          .contains("Looking up");
    }
    assertThat(zipkin.awaitHeld(THREADS, DrillBot.MARGIN)).isTrue();

    bot.stopListening();
    CompletableFuture<Void> drained = CompletableFuture.runAsync(bot::shutdown);
    CompletableFuture.runAsync(this::releaseOnceDraining);

    assertThatThrownBy(() -> bot.command("usr_late 2026-02-06 14:15 tz UTC", "late").get())
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    drained.get(
        DrillBot.BUDGET.plus(DrillBot.MARGIN).multipliedBy(IN_FLIGHT / THREADS).toMillis(),
        TimeUnit.MILLISECONDS);
    assertThat(bot.jobs().isTerminated()).isTrue();
    answers.collectRest();
    for (String id : ids) {
      assertThat(answers.of(id)).as(id).hasSize(1);
      assertThat(answers.of(id).get(0).body()).as(id).doesNotContain("shutting down");
    }
    assertThat(answers.of("late")).isEmpty();
  }

  /** Lets the backend answer only once the drain has begun, so the answers come during it. */
  private void releaseOnceDraining() {
    while (!bot.jobs().isShutdown()) {
      Thread.onSpinWait();
    }
    zipkin.release();
  }
}
