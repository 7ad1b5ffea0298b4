package dev.tracelookup.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.incidents.file.YamlIncidentSource;
import dev.tracelookup.incidents.reply.CustomerReply;
import dev.tracelookup.incidents.reply.ReplyActions;
import dev.tracelookup.incidents.reply.ReplyContext;
import dev.tracelookup.testing.ManualScheduler;
import dev.tracelookup.trace.TraceAnalysis;
import dev.tracelookup.trace.TraceAnalyzer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The write-up's failed order in the demo data, against the demo incidents and reply templates. */
final class DemoIncidentsTest {
  private static final Path DEMO = Path.of("config", "demo");
  private static final String FAILED_ORDER = "4bf92f3577b34da6a3ce929d0e0e4736";

  private static TraceAnalysis failedOrder;

  @BeforeAll
  static void readDemoTrace() throws IOException {
    OtlpFileBackend backend =
        OtlpFileBackend.open(
            DEMO, List.of("user.id", "enduser.id"), Optional.empty(), "demo files");
    FetchResult fetched = backend.fetch(FAILED_ORDER);
    assertThat(fetched).isInstanceOf(FetchResult.Fetched.class);
    failedOrder = TraceAnalyzer.analyze(((FetchResult.Fetched) fetched).trace());
  }

  @Test
  void match_failedOrder_ranksTheGatewayIncidentFirstAndTheConcurrentOneAsElsewhere() {
    IncidentReport report = demoCatalog().match(failedOrder);

    assertThat(report.matches())
        .extracting(match -> match.incident().id(), IncidentMatch::confidence)
        .containsExactly(
            tuple("INC-4521", Confidence.SIGNATURE), tuple("INC-4522", Confidence.TIME_ONLY));
    assertThat(report.likelyCause().map(Incident::id)).contains("INC-4521");
    assertThat(report.unavailableSources()).isEmpty();
  }

  @Test
  void reply_failedOrderForANewYorkCustomer_isSpecificAndFreeOfInternals() throws IOException {
    IncidentReport report = demoCatalog().match(failedOrder);
    TraceFailure failure = TraceFailure.of(failedOrder).orElseThrow();
    ReplyActions actions = new ReplyActions(Map.of("POST /api/v1/orders", "place an order"));
    CustomerReply reply =
        CustomerReply.load(
            Path.of("config/reply-incident.txt"), Path.of("config/reply-no-incident.txt"));

    String text =
        reply.render(
            new ReplyContext(
                failure.at(),
                ZoneId.of("America/New_York"),
                actions.actionFor(failure.entryName()),
                report.likelyCause(),
                Optional.of("12345")));

    assertThat(text)
        .contains(
            "We identified the issue with your attempt to place an order at 9:17 AM (EST) on"
                + " February 6.")
        .contains(
            "Our payment processing system experienced a brief connectivity issue between 9:12 AM"
                + " and 9:25 AM")
        .contains("This has been resolved, and you should be able to place an order now.")
        .contains("reference ticket #12345.");
    assertThat(text)
        .doesNotContain(
            FAILED_ORDER,
            "payment-svc",
            "order-svc",
            "INC-4521",
            "usr_k8x9m2",
            "Payment gateway unreachable",
            "ConnectionRefusedError");
  }

  private static IncidentCatalog demoCatalog() {
    IncidentCatalog catalog =
        new IncidentCatalog(
            List.of(
                new CatalogSource(
                    new YamlIncidentSource("incidents file", DEMO.resolve("incidents.yml")),
                    Duration.ofMinutes(1),
                    ServiceMapping.identity())),
            CatalogSettings.defaults(),
            new ManualScheduler(),
            Clock.fixed(TestIncidents.at("18:00"), ZoneOffset.UTC));
    catalog.refreshNow();
    return catalog;
  }
}
