package dev.tracelookup.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.http.HttpFailure;
import dev.tracelookup.http.HttpResult;
import dev.tracelookup.tickets.TicketFailure.Kind;
import dev.tracelookup.tickets.links.TicketLink;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * What the agent is told when a ticket system's answer is an HTTP failure. The status is read from
 * the failure's {@code status()}, never from its detail text: the details here name no status.
 */
final class FailuresTest {
  private static final TicketLink LINK =
      new TicketLink(
          TicketSystem.ZENDESK,
          "acme.zendesk.com",
          "4512",
          "https://acme.zendesk.com/agent/tickets/4512");
  private static final String INSTEAD = "You can type the user ID and time instead.";

  private static TicketFailure failure(HttpFailure.Kind kind, OptionalInt status) {
    return Failures.of(
        new HttpResult.Failed<>(
            new HttpFailure(
                kind,
                "Zendesk",
                "GET /api/v2/tickets/4512.json: no words",
                status,
                Optional.empty())),
        LINK);
  }

  @Test
  void of_rejected401_blamesTheBotsCredentials() {
    TicketFailure failure = failure(HttpFailure.Kind.REJECTED, OptionalInt.of(401));

    assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(failure.message())
        .contains("did not accept the bot's credentials")
        .endsWith(INSTEAD);
    assertThat(failure.detail()).isEqualTo("GET /api/v2/tickets/4512.json: no words");
  }

  @Test
  void of_rejected403_saysTheBotMayNotSeeTheTicket() {
    TicketFailure failure = failure(HttpFailure.Kind.REJECTED, OptionalInt.of(403));

    assertThat(failure.kind()).isEqualTo(Kind.FORBIDDEN);
    assertThat(failure.message())
        .startsWith("The bot's Zendesk account may not see Zendesk #4512.");
  }

  @Test
  void of_rejectedOtherwise_saysTheSystemRefusedTheRequest() {
    TicketFailure failure = failure(HttpFailure.Kind.REJECTED, OptionalInt.of(400));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("Zendesk refused the bot's request for Zendesk #4512.");
  }

  @Test
  void of_malformed_saysTheBotCouldNotReadTheAnswer() {
    TicketFailure failure = failure(HttpFailure.Kind.MALFORMED, OptionalInt.of(200));

    assertThat(failure.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(failure.message()).contains("could not read");
  }

  @Test
  void of_internal_saysItIsABugOfTheBotsNotAnAnswerItCouldNotRead() {
    TicketFailure failure = failure(HttpFailure.Kind.INTERNAL, OptionalInt.of(200));

    assertThat(failure.kind()).isEqualTo(Kind.INTERNAL);
    assertThat(failure.message())
        .isEqualTo(
            "The bot failed reading Zendesk's answer about Zendesk #4512; this is a bug, please"
                + " report it to the team that runs the bot. "
                + INSTEAD)
        .doesNotContain("could not read");
  }
}
