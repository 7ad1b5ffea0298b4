package dev.tracelookup.incidents.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.incidents.Incident;
import dev.tracelookup.incidents.IncidentSignature;
import dev.tracelookup.incidents.IncidentStatus;
import dev.tracelookup.incidents.SourceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class YamlIncidentSourceTest {
  private static final Instant FROM = Instant.parse("2026-02-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-10T00:00:00Z");

  @TempDir Path dir;

  @Test
  void fetch_demoFile_readsEveryField() {
    List<Incident> incidents = fetched(Path.of("config/demo/incidents.yml"));

    Incident gateway = incidents.get(0);
    assertThat(incidents)
        .extracting(Incident::id)
        .containsExactly("INC-4521", "INC-4522", "INC-4530");
    assertThat(gateway.title()).isEqualTo("Payment gateway unreachable");
    assertThat(gateway.status()).isEqualTo(IncidentStatus.RESOLVED);
    assertThat(gateway.started()).isEqualTo(Instant.parse("2026-02-06T14:12:00Z"));
    assertThat(gateway.resolved()).contains(Instant.parse("2026-02-06T14:25:00Z"));
    assertThat(gateway.services()).containsExactly("payment-svc");
    assertThat(gateway.signature())
        .contains(
            new IncidentSignature(
                Optional.empty(), Set.of(502), Optional.of("ConnectionRefusedError")));
    assertThat(gateway.url()).contains("https://status.example.com/incidents/INC-4521");
    assertThat(gateway.customerSummary())
        .contains("Our payment processing system experienced a brief connectivity issue");
    assertThat(gateway.source()).isEqualTo("incidents file");
  }

  @Test
  void fetch_bareListWithoutResolution_isOngoingAndInvestigating() throws IOException {
    Path file =
        write(
            "- id: INC-1\n"
                + "  started_at: 2026-02-06T15:12:00+01:00\n"
                + "  signature: {http_status: 503}\n");

    Incident incident = fetched(file).get(0);

    assertThat(incident.ongoing()).isTrue();
    assertThat(incident.status()).isEqualTo(IncidentStatus.INVESTIGATING);
    assertThat(incident.started()).isEqualTo(Instant.parse("2026-02-06T14:12:00Z"));
    assertThat(incident.signature().orElseThrow().httpStatuses()).containsExactly(503);
  }

  @Test
  void fetch_emptyList_isNoIncidents() throws IOException {
    assertThat(fetched(write("incidents: []\n"))).isEmpty();
  }

  @Test
  void fetch_misspeltKey_failsNamingTheEntryAndKey() throws IOException {
    Path file =
        write(
            "incidents:\n  - id: INC-1\n    started_at: 2026-02-06T14:00:00Z\n"
                + "    resolved: 2026-02-06T14:30:00Z\n");

    assertThat(failure(file)).contains("entry 1").contains("\"resolved\"");
  }

  @Test
  void fetch_missingStart_failsNamingTheEntry() throws IOException {
    Path file =
        write(
            "incidents:\n  - id: INC-1\n  - id: INC-2\n    title: no start\n"
                .replace(
                    "  - id: INC-1\n", "  - id: INC-1\n    started_at: 2026-02-06T14:00:00Z\n"));

    assertThat(failure(file)).contains("entry 2 (INC-2): started_at is missing");
  }

  @Test
  void fetch_timeWithoutOffset_failsWithAnExample() throws IOException {
    Path file = write("- id: INC-1\n  started_at: 2026-02-06 14:00\n");

    assertThat(failure(file)).contains("started_at 2026-02-06 14:00 is not a time with an offset");
  }

  @Test
  void fetch_resolvedStatusWithoutResolution_fails() throws IOException {
    Path file = write("- id: INC-1\n  status: resolved\n  started_at: 2026-02-06T14:00:00Z\n");

    assertThat(failure(file))
        .contains("entry 1 (INC-1): status resolved does not agree with no resolution time");
  }

  @Test
  void fetch_unknownStatus_failsListingTheKnownOnes() throws IOException {
    Path file = write("- id: INC-1\n  status: fixed\n  started_at: 2026-02-06T14:00:00Z\n");

    assertThat(failure(file))
        .contains("status fixed is not one of investigating, identified, monitoring, resolved");
  }

  @Test
  void fetch_brokenYaml_failsWithTheLine() throws IOException {
    Path file = write("incidents:\n  - id: [INC-1\n");

    assertThat(failure(file)).contains("(line");
  }

  @Test
  void fetch_missingFile_failsNamingTheFile() {
    assertThat(failure(dir.resolve("absent.yml")))
        .contains("absent.yml")
        .contains("cannot be read");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("incidents.yml"), yaml);
  }

  private static List<Incident> fetched(Path file) {
    SourceResult result = new YamlIncidentSource("incidents file", file).fetch(FROM, TO);
    assertThat(result).isInstanceOf(SourceResult.Fetched.class);
    return ((SourceResult.Fetched) result).incidents();
  }

  private static String failure(Path file) {
    SourceResult result = new YamlIncidentSource("incidents file", file).fetch(FROM, TO);
    assertThat(result).isInstanceOf(SourceResult.Failed.class);
    return ((SourceResult.Failed) result).detail();
  }
}
