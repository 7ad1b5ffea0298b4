package dev.tracelookup.incidents.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentStatus;
import dev.tracelookup.incidents.TestIncidents;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class CustomerReplyTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final Instant FAILED_AT = TestIncidents.at("14:17:23");
  private static final Incident GATEWAY =
      incident(
          IncidentStatus.RESOLVED,
          Optional.of(TestIncidents.at("14:25")),
          Optional.of("Our payment processing system experienced a brief connectivity issue"));

  private final CustomerReply reply = configured();

  @Test
  void render_resolvedIncident_readsLikeTheWriteUpInTheCustomersZone() {
    String text =
        reply.render(
            new ReplyContext(
                FAILED_AT, NEW_YORK, "place an order", Optional.of(GATEWAY), Optional.of("12345")));

    assertThat(text)
        .isEqualTo(
            """
            Hi there,

            We identified the issue with your attempt to place an order at 9:17 AM (EST) on February 6. \
            Our payment processing system experienced a brief connectivity issue between 9:12 AM and 9:25 AM, \
            which prevented some requests from completing. This has been resolved, and you should be able to \
            place an order now.

            If you run into any further issues, please let us know and reference ticket #12345.

            Best regards,\
            """);
  }

  @Test
  void render_noTicket_leavesTheTicketClauseOut() {
    String text =
        reply.render(
            new ReplyContext(
                FAILED_AT, NEW_YORK, "place an order", Optional.of(GATEWAY), Optional.empty()));

    assertThat(text)
        .contains("please let us know.")
        .doesNotContain("ticket")
        .doesNotContain("{")
        .doesNotContain("[[");
  }

  @Test
  void render_ongoingIncidentWithoutSummary_saysStartingAtAndStillWorking() {
    Incident ongoing = incident(IncidentStatus.IDENTIFIED, Optional.empty(), Optional.empty());

    String text =
        reply.render(
            new ReplyContext(
                FAILED_AT,
                ZoneId.of("Europe/Berlin"),
                "",
                Optional.of(ongoing),
                Optional.of("SUP-12")));

    assertThat(text)
        .contains("your attempt to complete your request at 3:17 PM (CET) on February 6.")
        .contains("One of our systems experienced a temporary problem starting at 3:12 PM,")
        .contains(
            "Our team is still working on it, and we will let you know as soon as it is resolved.")
        .contains("reference ticket SUP-12.")
        .doesNotContain("Payment gateway unreachable")
        .doesNotContain("null");
  }

  @Test
  void render_monitoringIncident_saysAFixIsInPlace() {
    Incident watched = incident(IncidentStatus.MONITORING, Optional.empty(), Optional.empty());

    String text =
        reply.render(
            new ReplyContext(
                FAILED_AT, NEW_YORK, "log in", Optional.of(watched), Optional.empty()));

    assertThat(text)
        .contains(
            "A fix is in place and we are watching it closely; you should be able to log in now.");
  }

  @Test
  void render_incidentEndingOnTheNextDayForTheCustomer_namesThatDay() {
    Incident late =
        new Incident(
            "INC-1",
            "",
            IncidentStatus.RESOLVED,
            TestIncidents.at("14:12"),
            Optional.of(Instant.parse("2026-02-07T09:30:00Z")),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "file");

    String text =
        reply.render(
            new ReplyContext(
                FAILED_AT, NEW_YORK, "place an order", Optional.of(late), Optional.empty()));

    assertThat(text).contains("between 9:12 AM and 4:30 AM on February 7,");
  }

  @Test
  void render_noIncident_usesTheOtherTemplateWithoutIncidentWords() {
    String text =
        reply.render(
            new ReplyContext(
                FAILED_AT,
                ZoneId.of("UTC"),
                "place an order",
                Optional.empty(),
                Optional.of("#12345")));

    assertThat(text)
        .contains(
            "We found your attempt to place an order at 2:17 PM (UTC) on February 6, and we can see"
                + " that it did not complete.")
        .contains("let us know and reference ticket #12345.")
        .doesNotContain("resolved");
  }

  @Test
  void new_unknownPlaceholder_isRefusedNamingIt() {
    assertThatThrownBy(() -> new CustomerReply("at {customer_tme}", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("incident reply template: unknown placeholder {customer_tme}");
  }

  @Test
  void new_incidentPlaceholderInNoIncidentTemplate_isRefused() {
    assertThatThrownBy(() -> new CustomerReply("ok", "It was {incident_status}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-incident reply template: unknown placeholder {incident_status}");
  }

  @Test
  void new_ticketOutsideOptionalPart_isRefused() {
    assertThatThrownBy(() -> new CustomerReply("Reference ticket {ticket}.", "ok"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{ticket} may be missing, so put it inside [[ ]]");
  }

  @Test
  void new_unbalancedBrackets_areRefused() {
    assertThatThrownBy(() -> new CustomerReply("let us know[[ and {ticket}", "ok"))
        .hasMessageContaining("[[ is never closed");
    assertThatThrownBy(() -> new CustomerReply("ok", "done]] here"))
        .hasMessageContaining("unbalanced ]]");
  }

  @Test
  void render_literalBracesAndSingleBrackets_areKeptAsWritten() {
    CustomerReply plain =
        new CustomerReply("Hi [Customer], {not a placeholder} at {customer_time}", "ok");

    String text =
        plain.render(
            new ReplyContext(FAILED_AT, NEW_YORK, "x", Optional.of(GATEWAY), Optional.empty()));

    assertThat(text).isEqualTo("Hi [Customer], {not a placeholder} at 9:17 AM");
  }

  private static CustomerReply configured() {
    try {
      return CustomerReply.load(
          Path.of("config/reply-incident.txt"), Path.of("config/reply-no-incident.txt"));
    } catch (IOException missing) {
      throw new AssertionError("the reply templates in config/ cannot be read", missing);
    }
  }

  private static Incident incident(
      IncidentStatus status, Optional<Instant> resolved, Optional<String> summary) {
    return new Incident(
        "INC-4521",
        "Payment gateway unreachable",
        status,
        TestIncidents.at("14:12"),
        resolved,
        Set.of("payment-svc"),
        Optional.empty(),
        Optional.empty(),
        summary,
        "file");
  }
}
