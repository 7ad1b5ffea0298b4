package dev.tracelookup.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.FakeHttpServer;
import dev.tracelookup.testing.Fault;
import dev.tracelookup.testing.FaultyServer;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault drill: a burst of lookups while the incident source (a Statuspage) fails. Incidents only
 * decorate the card, so every command still gets its card, once and within the budget, naming the
 * source that could not be consulted; and a slow source does not hold up the bot's start.
 */
final class IncidentFaultDrillTest {
  private static final int BURST = 10;
  private static final String UNAVAILABLE = "Incident source Acme status is unavailable";
  @TempDir Path dir;
  private FaultyServer statuspage;
  private DrillBot bot;

  @AfterEach
  void stop() throws Exception {
    bot.close();
  }

  @ParameterizedTest
  @EnumSource(value = Fault.class, mode = EnumSource.Mode.EXCLUDE, names = "SLOW")
  void burst_whileStatuspageFails_everyCardStillComesNamingTheSource(Fault fault) throws Exception {
    statuspage = new FaultyServer(fault, FakeHttpServer.Reply.json("{\"incidents\":[]}"));
    bot = startWithStatuspage();
    burstOfCards();
  }

  /**
   * The slow case, and a regression test: the first incident fetch used to run in the bot's
   * constructor, holding its start for the source's whole budget (30 s).
   */
  @Test
  void burst_whileStatuspageHangs_cardsComeBeforeTheSourceAnswers() throws Exception {
    statuspage = new FaultyServer(Fault.SLOW, FakeHttpServer.Reply.json("{\"incidents\":[]}"));

    bot = startWithStatuspage();
    burstOfCards();

    // Still the one first fetch: the bot neither waited for it nor retried it before answering.
    assertThat(statuspage.held()).isEqualTo(1);
  }

  /** Sends a burst of lookups and checks each got its card once, in time, naming the source. */
  private void burstOfCards() throws Exception {
    FinalAnswers answers =
        bot.lookupBurst(
            "incident", Collections.nCopies(BURST, "usr_k8x9m2 2026-02-06 14:15 tz UTC"));

    for (int i = 0; i < BURST; i++) {
      FinalAnswers.Answer card = answers.single("incident-" + i);
      assertThat(card.body()).contains("POST payment-svc/charge").contains(UNAVAILABLE);
      assertThat(card.after()).isLessThanOrEqualTo(DrillBot.BUDGET.plus(DrillBot.MARGIN));
    }
  }

  private DrillBot startWithStatuspage() throws Exception {
    return DrillBot.start(
        dir,
        BURST,
        BURST,
        DrillBot.demoBackend()
            + "incidents:\n  sources:\n"
            + "    - {type: statuspage, name: Acme status, url: "
            + statuspage.uri()
            + "}\n",
        statuspage);
  }
}
