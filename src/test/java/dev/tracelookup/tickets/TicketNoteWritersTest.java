package dev.tracelookup.tickets;

import static dev.tracelookup.tickets.NoteFixtures.ZENDESK_4512;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.tickets.zendesk.ZendeskNotes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

final class TicketNoteWritersTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final AtomicLong nanos = new AtomicLong();
  private final Ticker ticker = nanos::get;
  private FakeZendeskNotes zendesk;

  @BeforeEach
  void start() throws Exception {
    zendesk = new FakeZendeskNotes();
  }

  @AfterEach
  void stop() throws Exception {
    zendesk.close();
  }

  /** A replica of the bot: its own writers, record and single flight, the same Zendesk. */
  private TicketNoteWriters replica() {
    return new TicketNoteWriters(
        List.of(
            new TicketNoteWriters.Connection(
                TicketSystem.ZENDESK,
                "acme.zendesk.com",
                new ZendeskNotes(
                    NoteFixtures.http(
                        TicketEndpoints.zendesk(zendesk.uri(), "writer@acme.com", "w"))))),
        ticker);
  }

  @Test
  void add_secondPressOnTheSameReplica_isAnsweredFromTheRecordWithoutAskingZendesk()
      throws Exception {
    TicketNoteWriters writers = replica();
    writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());
    zendesk.server().takeRequest(WAIT);
    zendesk.server().takeRequest(WAIT);

    NoteResult again = writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(again)
        .isEqualTo(
            new NoteResult.AlreadyNoted(
                "Zendesk #4512", "https://acme.zendesk.com/agent/tickets/4512"));
    assertThat(zendesk.server().pending()).isZero();
    assertThat(zendesk.writes()).isEqualTo(1);
  }

  @Test
  void add_pressOnAnotherReplica_findsTheMarkerInTheTicketAndWritesNothing() {
    replica().add(ZENDESK_4512, NoteFixtures.paymentFailure());

    NoteResult elsewhere = replica().add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(elsewhere).isInstanceOf(NoteResult.AlreadyNoted.class);
    assertThat(zendesk.writes()).isEqualTo(1);
  }

  @Test
  void add_recordForgotten_stillFindsTheNoteInTheTicket() {
    TicketNoteWriters writers = replica();
    writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());
    nanos.addAndGet(Duration.ofDays(2).toNanos());

    NoteResult later = writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(later).isInstanceOf(NoteResult.AlreadyNoted.class);
    assertThat(zendesk.writes()).isEqualTo(1);
  }

  /**
   * Eight presses at once (a double click, Slack's retry, two agents): the write is held open until
   * Zendesk has received it, so every other press arrives while it runs or after it landed; the
   * ticket gets one note, the first press hears "added", the others "already noted".
   */
  @Test
  void add_concurrentPresses_writeOneNote() throws Exception {
    TicketNoteWriters writers = replica();
    CountDownLatch release = new CountDownLatch(1);
    zendesk.holdWrites(release);
    int presses = 8;
    CyclicBarrier together = new CyclicBarrier(presses);
    ExecutorService agents = Executors.newFixedThreadPool(presses);
    try {
      List<Future<NoteResult>> results = new ArrayList<>();
      for (int i = 0; i < presses; i++) {
        results.add(
            agents.submit(
                () -> {
                  together.await();
                  return writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());
                }));
      }
      zendesk.server().takeRequest("/api/v2/tickets/4512.json", WAIT);
      release.countDown();
      List<NoteResult> answered = new ArrayList<>();
      for (Future<NoteResult> result : results) {
        answered.add(result.get(10, TimeUnit.SECONDS));
      }

      assertThat(zendesk.writes()).isEqualTo(1);
      assertThat(answered).filteredOn(NoteResult.Written.class::isInstance).hasSize(1);
      assertThat(answered)
          .filteredOn(NoteResult.AlreadyNoted.class::isInstance)
          .hasSize(presses - 1);
    } finally {
      release.countDown();
      agents.shutdownNow();
    }
  }

  @Test
  void add_failedWrite_isNotRememberedSoTheNextPressTriesAgain() {
    TicketNoteWriters writers = replica();
    zendesk.failWrites(
        new dev.tracelookup.testing.FakeHttpServer.Reply(
            409, "application/json", "{\"error\":\"Conflict\"}", java.util.Map.of()));
    NoteResult refused = writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());
    zendesk.failWrites(null);

    NoteResult retried = writers.add(ZENDESK_4512, NoteFixtures.paymentFailure());

    assertThat(refused).isInstanceOf(NoteResult.Failed.class);
    assertThat(retried).isInstanceOf(NoteResult.Written.class);
    assertThat(zendesk.writes()).isEqualTo(1);
  }

  @Test
  void writable_systemWithoutWriteCredentials_isNot() {
    TicketNoteWriters writers = replica();
    TicketNoteWriters none = TicketNoteWriters.none();

    assertThat(writers.writable(ZENDESK_4512)).isTrue();
    assertThat(writers.writable(NoteFixtures.FRESHDESK_77)).isFalse();
    assertThat(none.writable(ZENDESK_4512)).isFalse();
    NoteResult refused = none.add(ZENDESK_4512, NoteFixtures.paymentFailure());
    assertThat(((NoteResult.Failed) refused).failure().kind())
        .isEqualTo(TicketFailure.Kind.NOT_CONFIGURED);
    assertThat(refused.message()).contains("write-token-env").contains("Nothing was written");
    assertThat(zendesk.server().pending()).isZero();
  }
}
