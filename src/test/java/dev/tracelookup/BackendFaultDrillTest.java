package dev.tracelookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
  private FaultyServer zipkin;
  private DrillBot bot;

  @AfterEach
  void stop() throws Exception {
    bot.close();
    zipkin.close();
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void burst_whileBackendFails_everyCommandGetsOneFinalAnswerWithinBudget(Fault fault) throws Exception {
    zipkin = new FaultyServer(fault, FakeHttpServer.Reply.json("[]"));
    bot = DrillBot.start(dir, BURST + 4, BURST, "backend:\n  type: zipkin\n  url: " + zipkin.uri() + "\n  timeout: 1s\n");
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<HttpResponse<String>>> acks = new ArrayList<>();
    FinalAnswers answers = new FinalAnswers(bot.slackApi);

    for (int i = 0; i < BURST; i++) {
      ids.add("backend-" + i);
      acks.add(bot.command("usr_drill" + i + " 2026-02-06 14:15 tz UTC", ids.get(i)));
    }

    for (CompletableFuture<HttpResponse<String>> ack : acks) {
      assertThat(ack.get().statusCode()).isEqualTo(200);
      assertThat(ack.get().body()).contains("Looking up");
    }
    assertThat(answers.awaitEach(ids, DrillBot.BUDGET.plus(DrillBot.MARGIN).multipliedBy(2))).isTrue();
    bot.shutdown();
    answers.collectRest();
    for (String id : ids) {
      assertThat(answers.of(id)).as(id).hasSize(1);
      FinalAnswers.Answer answer = answers.of(id).get(0);
      assertThat(answer.body()).as(id).contains("Zipkin").contains(sentence(fault));
      assertThat(answer.after()).as(id).isLessThanOrEqualTo(DrillBot.BUDGET.plus(DrillBot.MARGIN));
    }
    assertThat(bot.jobs().getLargestPoolSize()).isLessThanOrEqualTo(BURST + 4);
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
