package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stalled-backend drill: Tempo sends its headers and the start of a body, then nothing more, for
 * searches and for trace reads, on as many lookups as there are lookup threads. Each lookup answers
 * "did not answer in time" within its budget, and then the threads it used come back at once: the
 * bot aborts the exchanges it no longer waits for instead of reading until the backend gives up, so
 * the next lookup, of a healthy customer, gets its card right away.
 */
final class StalledBackendDrillTest {
  private static final int THREADS = 4;

  /** Two cores shared with other builds: what "at once" may take. Stuck threads stay for 120 s. */
  private static final Duration RELEASE = Duration.ofSeconds(2);

  @TempDir Path dir;
  private HostileTempo tempo;
  private DrillBot bot;

  @BeforeEach
  void start() throws Exception {
    tempo = new HostileTempo(0);
    // Each attempt may wait 10 s, far past the lookup's budget: only the budget can free the
    // threads.
    bot = DrillBot.start(dir, THREADS, THREADS, tempo.backendYaml("10s"), tempo);
  }

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @Test
  void stalledBodies_afterTheBudget_threadsComeBackAtOnceAndTheNextLookupIsAnswered()
      throws Exception {
    BotThreads threads = BotThreads.baseline();
    List<String> stalling =
        List.of("usr_searchstall1", "usr_searchstall2", "usr_stall1", "usr_stall2");

    FinalAnswers answers = new FinalAnswers(bot.slackApi);
    for (int i = 0; i < stalling.size(); i++) {
      assertThat(
              bot.command(stalling.get(i) + " 2026-02-06 14:15 tz UTC", "stalled-" + i)
                  .get()
                  .body())
          .contains("Looking up");
    }
    List<String> ids = List.of("stalled-0", "stalled-1", "stalled-2", "stalled-3");
    assertThat(answers.awaitEach(ids, DrillBot.BUDGET.plus(DrillBot.MARGIN))).isTrue();
    for (String id : ids) {
      assertThat(answers.single(id).body()).as(id).contains("Tempo did not answer in time");
    }
    assertThat(tempo.stalled())
        .as("answers the backend still holds open")
        .isGreaterThanOrEqualTo(stalling.size());

    assertThat(threads.awaitIdle(RELEASE, "search-", "fetch-"))
        .as("search and fetch threads still working")
        .isZero();
    assertThat(bot.command("usr_healthy 2026-02-06 14:15 tz UTC", "healthy").get().body())
        .contains("Looking up");
    assertThat(answers.awaitEach(List.of("healthy"), DrillBot.BUDGET)).isTrue();
    assertThat(answers.single("healthy").body())
        .contains("GET /healthy")
        .doesNotContain("did not answer");
  }
}
