package dev.tracelookup.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TicketResolutionTest {
  private static final Instant CREATED = Instant.parse("2026-02-06T20:40:00Z");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static TicketResolution withoutStatedTime(Optional<ZoneId> zone) {
    return new TicketResolution(
        TicketSystem.ZENDESK,
        "Zendesk #4512",
        Optional.of("usr_k8x9m2"),
        Optional.of("from Zendesk #4512 requester external_id"),
        zone,
        CREATED,
        Optional.empty(),
        Optional.empty(),
        "Order page shows an error",
        CREATED.minusSeconds(7200),
        CREATED.plusSeconds(900));
  }

  @Test
  void orMessageTime_ticketWithoutTime_takesTheMessagesTimeInTheRequestersZone() {
    TicketResolution resolution = withoutStatedTime(Optional.of(NEW_YORK));

    TicketResolution updated =
        resolution.orMessageTime(
            "<@U1> customer says it broke at 2:15 PM",
            Instant.parse("2026-02-06T21:00:00Z"),
            ZoneId.of("UTC"),
            TicketWindow.standard());

    assertThat(updated.statedTime()).contains(Instant.parse("2026-02-06T19:15:00Z"));
    assertThat(updated.statedTimeSource()).contains("Slack message: 'at 2:15 PM'");
    assertThat(updated.from()).isEqualTo(Instant.parse("2026-02-06T19:00:00Z"));
    assertThat(updated.to()).isEqualTo(Instant.parse("2026-02-06T19:30:00Z"));
  }

  @Test
  void orMessageTime_unknownRequesterZone_readsInTheFallbackZone() {
    TicketResolution resolution = withoutStatedTime(Optional.empty());

    TicketResolution updated =
        resolution.orMessageTime(
            "at 14:15",
            Instant.parse("2026-02-06T21:00:00Z"),
            ZoneId.of("Europe/Berlin"),
            TicketWindow.standard());

    assertThat(updated.statedTime()).contains(Instant.parse("2026-02-06T13:15:00Z"));
  }

  @Test
  void orMessageTime_ticketAlreadyStatedATime_keepsIt() {
    TicketResolution stated =
        withoutStatedTime(Optional.of(NEW_YORK))
            .withStatedTime(
                Instant.parse("2026-02-06T18:00:00Z"),
                "custom field 360011",
                TicketWindow.standard());

    TicketResolution updated =
        stated.orMessageTime("at 2:15 PM", CREATED, NEW_YORK, TicketWindow.standard());

    assertThat(updated).isSameAs(stated);
  }

  @Test
  void orMessageTime_messageWithoutTime_keepsTheCreationWindow() {
    TicketResolution resolution = withoutStatedTime(Optional.of(NEW_YORK));

    TicketResolution updated =
        resolution.orMessageTime("please look", CREATED, NEW_YORK, TicketWindow.standard());

    assertThat(updated).isSameAs(resolution);
  }

  @Test
  void toString_hidesUserIdAndSubject() {
    String text = withoutStatedTime(Optional.of(NEW_YORK)).toString();

    assertThat(text)
        .contains("Zendesk #4512", "userId=present")
        .doesNotContain("usr_k8x9m2", "Order page");
  }

  @Test
  void new_userIdWithoutSource_isRefused() {
    assertThatThrownBy(
            () ->
                new TicketResolution(
                    TicketSystem.JIRA,
                    "Jira SUP-1",
                    Optional.of("u"),
                    Optional.empty(),
                    Optional.empty(),
                    CREATED,
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    CREATED,
                    CREATED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
