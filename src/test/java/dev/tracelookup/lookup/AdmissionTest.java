package dev.tracelookup.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.CallGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AdmissionTest {
  private static final Duration ALLOWED = Duration.ofSeconds(10);

  @Test
  void admit_beforeAnyLookupFinished_admitsEverything() {
    Admission admission = new Admission(CallGate.of(1), ALLOWED);

    for (int i = 0; i < 1_000; i++) {
      assertThat(admission.admit()).isInstanceOf(Admission.Admitted.class);
    }
    assertThat(admission.running()).isEqualTo(1_000);
  }

  /**
   * Lookups take 2 s on their own and keep the backend busy 4 s each (two calls of 2 s); the gate
   * has 2 places. Each lookup running adds 4 s ÷ 2 places = 2 s to the next one's likely time: 2,
   * 4, 6, 8, 10 s are within the 10 s allowed, the sixth would take 12 s.
   */
  @Test
  void
      admit_whenTheLookupsAheadWouldKeepTheBackendBusyPastTheDeadline_turnsAwayWithTheLikelyTime() {
    Admission admission = new Admission(CallGate.of(2), ALLOWED);
    admission.finished(Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(4));

    List<Admission.Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      decisions.add(admission.admit());
    }

    assertThat(decisions.subList(0, 5)).allMatch(Admission.Admitted.class::isInstance);
    assertThat(decisions.get(4).likely()).isEqualTo(Duration.ofSeconds(10));
    assertThat(decisions.get(5))
        .isEqualTo(new Admission.TurnedAway(Duration.ofSeconds(12), ALLOWED));
    assertThat(admission.running()).isEqualTo(5);
  }

  @Test
  void admit_aBackendSlowOnItsOwn_isNotAReasonToTurnAway() {
    Admission admission = new Admission(CallGate.of(256), ALLOWED);
    // Lookups ran into the deadline: the backend is slow, not the queue long.
    admission.finished(Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(20));

    List<Admission.Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      decisions.add(admission.admit());
    }

    assertThat(decisions).allMatch(Admission.Admitted.class::isInstance);
  }

  @Test
  void ticketClosed_makesRoomForTheNextLookup() {
    Admission admission = new Admission(CallGate.of(1), ALLOWED);
    admission.finished(Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(5));
    Admission.Admitted first = (Admission.Admitted) admission.admit();
    assertThat(admission.admit()).isInstanceOf(Admission.Admitted.class);
    assertThat(admission.admit()).isInstanceOf(Admission.TurnedAway.class);

    first.ticket().close();
    first.ticket().close();

    assertThat(admission.running()).isEqualTo(1);
    assertThat(admission.admit()).isInstanceOf(Admission.Admitted.class);
  }

  @Test
  void finished_timeSpentQueuingAtTheGate_isNotCountedAsTheLookupsOwnTime() {
    Admission admission = new Admission(CallGate.of(100), ALLOWED);

    admission.finished(Duration.ofSeconds(9), Duration.ofSeconds(7), Duration.ofSeconds(2));

    assertThat(admission.likely()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void unlimitedBackend_neverTurnsAwayForTheLookupsAhead() {
    Admission admission = Admission.unlimited(ALLOWED);
    admission.finished(Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(2));

    for (int i = 0; i < 10_000; i++) {
      assertThat(admission.admit()).isInstanceOf(Admission.Admitted.class);
    }
  }
}
