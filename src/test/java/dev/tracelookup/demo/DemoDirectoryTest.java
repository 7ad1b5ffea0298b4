package dev.tracelookup.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.FetchResult;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.trace.FailureRules;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo directory, served by the file backend, tells the write-up's story. */
final class DemoDirectoryTest {
  private static final String FAILED_ORDER = DayPlan.CUSTOMER_FAILED_ORDER_TRACE;

  private static OtlpFileBackend backend;

  @BeforeAll
  static void openDemoDirectory() throws IOException {
    backend =
        OtlpFileBackend.open(
            DemoDataTest.DEMO, List.of("user.id", "enduser.id"), Optional.empty(), "demo files");
  }

  @Test
  void open_demoDirectory_readsEveryLine() {
    assertThat(backend.skippedLines()).isZero();
    assertThat(backend.traceCount()).isBetween(1_000, 2_000);
  }

  @Test
  void search_customerAround215pm_findsTheFailedOrderAndOnlyTheirTraces() {
    List<TraceRef> found = search(DayPlan.CUSTOMER, "14:02", "14:32", false);

    assertThat(found).extracting(TraceRef::traceId).contains(FAILED_ORDER).hasSizeBetween(2, 20);
    assertThat(found)
        .allSatisfy(
            ref -> assertThat(users(ref.trace().orElseThrow())).containsOnly(DayPlan.CUSTOMER));
  }

  @Test
  void search_customerErrorsOnlyAround215pm_findsOnlyTheFailedOrder() {
    List<TraceRef> found = search(DayPlan.CUSTOMER, "14:02", "14:32", true);

    assertThat(found).extracting(TraceRef::traceId).containsExactly(FAILED_ORDER);
  }

  @Test
  void search_customerErrorsOnlyInTheMorning_findsAFailureWithAnotherCause() {
    List<TraceRef> found = search(DayPlan.CUSTOMER, "09:30", "10:00", true);

    assertThat(found)
        .singleElement()
        .satisfies(
            ref ->
                assertThat(ref.trace().orElseThrow().spans())
                    .filteredOn(FailureRules::isFailing)
                    .extracting(Span::name)
                    .contains("SELECT shop.orders")
                    .doesNotContain("POST payment-svc/charge"));
  }

  @Test
  void fetch_failedOrder_hasTheWriteUpsErrorPath() {
    Trace trace = ((FetchResult.Fetched) backend.fetch(FAILED_ORDER.toUpperCase())).trace();

    Span root = only(trace, "POST /api/v1/orders");
    Span charge = only(trace, "payment.process_charge");
    Span culprit = only(trace, "POST payment-svc/charge");
    assertThat(root.isRoot()).isTrue();
    assertThat(root.kind()).isEqualTo(SpanKind.SERVER);
    assertThat(root.start()).isEqualTo(Instant.parse("2026-02-06T14:17:23.184Z"));
    assertThat(root.duration()).isBetween(Duration.ofMillis(1_850), Duration.ofMillis(1_950));
    assertThat(FailureRules.httpStatus(root)).isEqualTo(500);
    assertThat(root.attributes().get("user.id")).contains(DayPlan.CUSTOMER);
    assertThat(children(trace, root))
        .extracting(Span::name)
        .containsExactly("order.validate", "inventory.check_stock", "payment.process_charge");
    assertThat(only(trace, "inventory.check_stock").service()).isEqualTo("inventory-svc");
    assertThat(children(trace, charge)).containsExactly(culprit);
    assertThat(children(trace, culprit)).isEmpty();
    assertThat(trace.spans())
        .filteredOn(FailureRules::isFailing)
        .containsExactlyInAnyOrder(root, charge, culprit);
  }

  @Test
  void fetch_failedOrder_culpritCarriesTheGatewayException() {
    Trace trace = ((FetchResult.Fetched) backend.fetch(FAILED_ORDER)).trace();

    Span culprit = only(trace, "POST payment-svc/charge");

    assertThat(culprit.kind()).isEqualTo(SpanKind.CLIENT);
    assertThat(FailureRules.httpStatus(culprit)).isEqualTo(502);
    assertThat(culprit.status().isError()).isTrue();
    assertThat(culprit.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.isException()).isTrue();
              assertThat(event.attributes().get("exception.type"))
                  .contains("ConnectionRefusedError");
              assertThat(event.attributes().get("exception.message"))
                  .contains("payment gateway timeout");
              assertThat(event.attributes().get("exception.stacktrace").orElseThrow())
                  .contains("\n    at ");
            });
  }

  private static List<TraceRef> search(String user, String from, String to, boolean errorsOnly) {
    TraceQuery query =
        new TraceQuery(
            user,
            Instant.parse("2026-02-06T" + from + ":00Z"),
            Instant.parse("2026-02-06T" + to + ":00Z"),
            Optional.empty(),
            Optional.empty(),
            errorsOnly,
            20);
    return ((SearchResult.Found) backend.search(query)).traces();
  }

  private static List<String> users(Trace trace) {
    return trace.spans().stream()
        .flatMap(span -> span.attributes().first("user.id", "enduser.id").stream())
        .toList();
  }

  private static Span only(Trace trace, String name) {
    return trace.spans().stream()
        .filter(span -> span.name().equals(name))
        .reduce(
            (a, b) -> {
              throw new AssertionError("two spans named " + name);
            })
        .orElseThrow();
  }

  private static List<Span> children(Trace trace, Span parent) {
    return trace.spans().stream()
        .filter(span -> span.parentSpanId().equals(parent.spanId()))
        .sorted(Comparator.comparingLong(Span::startEpochNanos))
        .toList();
  }
}
