package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault drill: a burst of slash commands while the trace backend (Zipkin, over real HTTP) refuses
 * connections, hangs, answers 500 or 503, or rate-limits. Every command is acked, and then gets
 * exactly one final answer, a sentence naming the backend and what to do, within the budget.
 */
final class BackendFaultDrillTest {
  private static final int BURST = 20;
  @TempDir Path dir;
  private DrillBot bot;

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void burst_whileBackendFails_everyCommandGetsOneFinalAnswerWithinBudget(Fault fault)
      throws Exception {
    FaultyServer zipkin = new FaultyServer(fault, FakeHttpServer.Reply.json("[]"));
    bot = DrillBot.start(dir, BURST, BURST, DrillBot.zipkin(zipkin.uri()), zipkin);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      texts.add("usr_drill" + i + " 2026-02-06 14:15 tz UTC");
    }

    FinalAnswers answers = bot.lookupBurst("backend", texts);

    for (int i = 0; i < BURST; i++) {
      FinalAnswers.Answer answer = answers.single("backend-" + i);
      assertThat(answer.body()).contains("Zipkin").contains(sentence(fault));
      assertThat(answer.after()).isLessThanOrEqualTo(DrillBot.BUDGET.plus(DrillBot.MARGIN));
    }
    assertThat(bot.jobs().getLargestPoolSize()).isLessThanOrEqualTo(BURST);
  }

  private static String sentence(Fault fault) {
    switch (fault) {
      case REFUSED:
        return "could not be reached";
      case SLOW:
        return "did not answer in time";
      case RATE_LIMITED:
        return "rate-limiting lookups";
      default:
        return "failed while searching";
    }
  }
}
