package dev.tracelookup.incidents;

import static dev.tracelookup.incidents.TestIncidents.ongoing;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class IncidentTextTest {
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void line_resolvedMatch_givesConfidenceIdTitleWindowInBothZonesAndStatus() {
    Incident gateway =
        new Incident(
            "INC-4521",
            "Payment gateway unreachable",
            IncidentStatus.RESOLVED,
            TestIncidents.at("14:12"),
            Optional.of(TestIncidents.at("14:25")),
            Set.of("payment-svc"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "file");

    String line = IncidentText.line(new IncidentMatch(gateway, Confidence.SIGNATURE), NEW_YORK);

    assertThat(line)
        .isEqualTo(
            "Matches known incident: INC-4521 \"Payment gateway unreachable\" · "
                + "2026-02-06 14:12–14:25 UTC (9:12 AM–9:25 AM EST) · resolved");
  }

  @Test
  void window_ongoing_saysSinceAndStatusSaysOngoing() {
    Incident outage = ongoing("INC-9", "14:12", "payment-svc");

    assertThat(IncidentText.window(outage, NEW_YORK))
        .isEqualTo("since 2026-02-06 14:12 UTC (9:12 AM EST)");
    assertThat(IncidentText.status(outage)).isEqualTo("ongoing (investigating)");
  }

  @Test
  void window_acrossMidnightInUtc_namesBothDaysAndAgentInUtcGetsNoRepeat() {
    Incident overnight =
        new Incident(
            "INC-8",
            "",
            IncidentStatus.RESOLVED,
            Instant.parse("2026-02-05T23:50:00Z"),
            Optional.of(Instant.parse("2026-02-06T00:10:00Z")),
            Set.of(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "file");

    assertThat(IncidentText.window(overnight, ZoneOffset.UTC))
        .isEqualTo("2026-02-05 23:50 – 2026-02-06 00:10 UTC");
  }

  @Test
  void line_timeOnlyMatchWithoutTitle_usesTheElsewhereLabelAndLeavesTheTitleOut() {
    Incident untitled =
        new Incident(
            "INC-7",
            " ",
            IncidentStatus.RESOLVED,
            TestIncidents.at("14:00"),
            Optional.of(TestIncidents.at("14:40")),
            Set.of("search-svc"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            "file");

    String line =
        IncidentText.line(new IncidentMatch(untitled, Confidence.TIME_ONLY), ZoneId.of("UTC"));

    assertThat(line)
        .isEqualTo(
            "Incident elsewhere at the same time: INC-7 · 2026-02-06 14:00–14:40 UTC · resolved");
  }
}
