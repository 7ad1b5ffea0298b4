package dev.tracelookup.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.render.LookupModal;
import dev.tracelookup.tickets.TicketResolution;
import dev.tracelookup.tickets.TicketSystem;
import dev.tracelookup.tickets.TicketWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TicketFlowTest {
  private static final Instant CREATED = Instant.parse("2026-02-06T20:40:00Z");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void prefill_noStatedTime_namesTheConfiguredMarginsAsRepliesSayThem() {
    TicketWindow window =
        new TicketWindow(Duration.ofMinutes(15), Duration.ofHours(3), Duration.ofMinutes(30));
    TicketResolution resolution =
        new TicketResolution(
            TicketSystem.ZENDESK,
            "Zendesk #4512",
            Optional.of("usr_k8x9m2"),
            Optional.of("from Zendesk #4512 requester external_id"),
            Optional.of(NEW_YORK),
            CREATED,
            Optional.empty(),
            Optional.empty(),
            "Order page shows an error",
            CREATED.minus(Duration.ofHours(3)),
            CREATED.plus(Duration.ofMinutes(30)));

    LookupModal.Prefill prefill = TicketFlow.prefill(resolution, ZoneId.of("UTC"), window);

    assertThat(prefill.whenSource())
        .isEqualTo("From 3 hours before Zendesk #4512 was created to 30 min after");
    assertThat(prefill.when()).isEqualTo("2026-02-06 12:40-16:10");
  }

  @Test
  void prefill_statedTime_saysWhereItWasStated() {
    Instant stated = Instant.parse("2026-02-06T19:15:00Z");
    TicketResolution resolution =
        new TicketResolution(
            TicketSystem.ZENDESK,
            "Zendesk #4512",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            CREATED,
            Optional.of(stated),
            Optional.of("ticket text: 'at 2:15 PM'"),
            "Order page shows an error",
            stated.minus(Duration.ofMinutes(15)),
            stated.plus(Duration.ofMinutes(15)));

    LookupModal.Prefill prefill = TicketFlow.prefill(resolution, NEW_YORK, TicketWindow.standard());

    assertThat(prefill.whenSource()).isEqualTo("Stated in ticket text: 'at 2:15 PM'");
  }
}
