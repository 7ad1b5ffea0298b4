package dev.tracelookup.backend.otlpfile;

import static dev.tracelookup.backend.otlpfile.SpanJson.line;
import static dev.tracelookup.backend.otlpfile.SpanJson.resource;
import static dev.tracelookup.backend.otlpfile.SpanJson.span;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.trace.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class OtlpFileBackendSearchTest {
  private static final List<String> USER_KEYS = List.of("user.id", "enduser.id");
  private static final String ORDER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String OTHER_TRACE = "5bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SERVER_500_TRACE = "6bf92f3577b34da6a3ce929d0e0e4736";

  @TempDir Path directory;

  /**
   * Three traces of usr_1 and one of usr_2, spread over two files:
   *
   * <pre>
   * a.jsonl line 1: ORDER_TRACE root (order-svc, 14:17:23, 1.9 s) + OTHER_TRACE root (usr_2)
   * a.jsonl line 2: ORDER_TRACE child payment.process_charge (payment-svc, ERROR)
   * b.jsonl line 1: ORDER_TRACE grandchild POST /charge (payment-svc, client)
   *                 SERVER_500_TRACE root (14:25, SERVER with http 500, status unset)
   * b.jsonl line 2: OK_TRACE (user on the resource, 14:05)
   * </pre>
   */
  private OtlpFileBackend fourTraces() throws IOException {
    write(
        "a.jsonl",
        line(
            resource(
                "order-svc",
                span(ORDER_TRACE, "00f067aa0ba902b7")
                    .name("POST /api/v1/orders")
                    .at("2026-02-06T14:17:23Z")
                    .lasting(Duration.ofMillis(1900))
                    .attr("user.id", "usr_1"),
                span(OTHER_TRACE, "00f067aa0ba902b8")
                    .at("2026-02-06T14:17:24Z")
                    .attr("user.id", "usr_2"))),
        line(
            resource(
                "payment-svc",
                span(ORDER_TRACE, "00f067aa0ba902b9")
                    .parent("00f067aa0ba902b7")
                    .name("payment.process_charge")
                    .at("2026-02-06T14:17:23.100Z")
                    .error()
                    .attr("user.id", "usr_1"))));
    write(
        "b.jsonl",
        line(
            resource(
                "payment-svc",
                span(ORDER_TRACE, "00f067aa0ba902ba")
                    .parent("00f067aa0ba902b9")
                    .name("POST /charge")
                    .client()
                    .at("2026-02-06T14:17:23.200Z")),
            resource(
                "search-svc",
                span(SERVER_500_TRACE, "00f067aa0ba902bb")
                    .name("GET /search")
                    .at("2026-02-06T14:25:00Z")
                    .attr("enduser.id", "usr_1")
                    .attr("http.status_code", "500"))),
        line(
            resource(
                "user-svc",
                Map.of("user.id", "usr_1"),
                span("7bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902bc")
                    .name("GET /profile")
                    .at("2026-02-06T14:05:00Z"))));
    return OtlpFileBackend.open(directory, USER_KEYS, Optional.empty(), "test files");
  }

  @Test
  void search_traceSplitAcrossLinesAndFiles_returnsTheWholeTrace() throws IOException {
    OtlpFileBackend backend = fourTraces();

    List<TraceRef> found = traces(backend.search(query("usr_1", "14:17:00", "14:18:00")));

    assertThat(found)
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.traceId()).isEqualTo(ORDER_TRACE);
              assertThat(ref.trace().orElseThrow().spans())
                  .extracting(Span::name)
                  .containsExactlyInAnyOrder(
                      "POST /api/v1/orders", "payment.process_charge", "POST /charge");
            });
  }

  @Test
  void search_userOnSpanOnResourceOrUnderEnduserId_findsAllNewestFirst() throws IOException {
    OtlpFileBackend backend = fourTraces();

    List<TraceRef> found = traces(backend.search(query("usr_1", "14:00:00", "14:30:00")));

    assertThat(found)
        .extracting(TraceRef::traceId)
        .containsExactly(SERVER_500_TRACE, ORDER_TRACE, "7bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void search_anotherUsersTraceAtTheSameTime_isNotReturned() throws IOException {
    OtlpFileBackend backend = fourTraces();

    List<TraceRef> found = traces(backend.search(query("usr_2", "14:00:00", "14:30:00")));

    assertThat(found).extracting(TraceRef::traceId).containsExactly(OTHER_TRACE);
    assertThat(found.get(0).trace().orElseThrow().spans()).hasSize(1);
  }

  @Test
  void search_unknownUser_findsNothing() throws IOException {
    OtlpFileBackend backend = fourTraces();

    SearchResult result = backend.search(query("usr_404", "00:00:00", "23:59:59"));

    assertThat(result).isEqualTo(new SearchResult.Found(List.of(), List.of()));
  }

  /** ORDER_TRACE runs from 14:17:23 to 14:17:24.9; a window that touches it finds it. */
  @ParameterizedTest(name = "[{0}, {1}] finds it: {2}")
  @CsvSource({
    "14:00:00, 14:17:23, true",
    "14:17:24.900, 14:30:00, true",
    "14:17:24, 14:17:24, true",
    "14:00:00, 14:17:22.999999999, false",
    "14:17:24.900000001, 14:30:00, false"
  })
  void search_windowEdges_matchWhenTheTraceOverlaps(String from, String to, boolean found)
      throws IOException {
    OtlpFileBackend backend = fourTraces();

    List<TraceRef> traces = traces(backend.search(query("usr_1", from, to)));

    assertThat(traces.stream().anyMatch(ref -> ref.traceId().equals(ORDER_TRACE))).isEqualTo(found);
  }

  @Test
  void search_serviceFilter_matchesAnySpanIgnoringCase() throws IOException {
    OtlpFileBackend backend = fourTraces();
    TraceQuery query =
        new TraceQuery(
            "usr_1",
            at("14:00:00"),
            at("14:30:00"),
            Optional.of("PAYMENT-SVC"),
            Optional.empty(),
            false,
            20);

    List<TraceRef> found = traces(backend.search(query));

    assertThat(found).extracting(TraceRef::traceId).containsExactly(ORDER_TRACE);
  }

  @Test
  void search_spanNameFilter_matchesAnySpanIgnoringCase() throws IOException {
    OtlpFileBackend backend = fourTraces();
    TraceQuery query =
        new TraceQuery(
            "usr_1",
            at("14:00:00"),
            at("14:30:00"),
            Optional.empty(),
            Optional.of("get /PROFILE"),
            false,
            20);

    List<TraceRef> found = traces(backend.search(query));

    assertThat(found)
        .extracting(TraceRef::traceId)
        .containsExactly("7bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void search_errorsOnly_keepsTracesWithAFailingSpanByStatusOrHttpCode() throws IOException {
    OtlpFileBackend backend = fourTraces();
    TraceQuery query =
        new TraceQuery(
            "usr_1", at("14:00:00"), at("14:30:00"), Optional.empty(), Optional.empty(), true, 20);

    List<TraceRef> found = traces(backend.search(query));

    assertThat(found).extracting(TraceRef::traceId).containsExactly(SERVER_500_TRACE, ORDER_TRACE);
  }

  @Test
  void search_moreMatchesThanTheLimit_returnsTheNewestAndWarnsHowMany() throws IOException {
    String[] lines =
        IntStream.range(0, 5)
            .mapToObj(
                i ->
                    line(
                        resource(
                            "order-svc",
                            span(String.format("%032x", i + 1), "00000000000000a1")
                                .at("2026-02-06T14:0" + i + ":00Z")
                                .attr("user.id", "usr_1"))))
            .toArray(String[]::new);
    write("many.jsonl", lines);
    OtlpFileBackend backend =
        OtlpFileBackend.open(directory, USER_KEYS, Optional.empty(), "test files");
    TraceQuery query =
        new TraceQuery(
            "usr_1", at("14:00:00"), at("14:30:00"), Optional.empty(), Optional.empty(), false, 2);

    SearchResult.Found result = (SearchResult.Found) backend.search(query);

    assertThat(result.traces())
        .extracting(TraceRef::traceId)
        .containsExactly(String.format("%032x", 5), String.format("%032x", 4));
    assertThat(result.warnings()).containsExactly("5 traces matched; showing the newest 2.");
  }

  @Test
  void search_concurrentSearches_allGetTheSameAnswer() throws Exception {
    OtlpFileBackend backend = fourTraces();
    TraceQuery query = query("usr_1", "14:00:00", "14:30:00");
    SearchResult expected = backend.search(query);
    ExecutorService executor = Executors.newFixedThreadPool(8);

    List<Future<SearchResult>> results;
    try {
      results =
          executor.invokeAll(
              IntStream.range(0, 64)
                  .mapToObj(i -> (Callable<SearchResult>) () -> backend.search(query))
                  .toList());
    } finally {
      executor.shutdown();
    }

    for (Future<SearchResult> result : results) {
      assertThat(result.get()).isEqualTo(expected);
    }
  }

  private void write(String file, String... lines) throws IOException {
    Files.writeString(directory.resolve(file), String.join("\n", lines) + "\n");
  }

  private static TraceQuery query(String user, String from, String to) {
    return new TraceQuery(user, at(from), at(to), Optional.empty(), Optional.empty(), false, 20);
  }

  private static Instant at(String timeOfDay) {
    return Instant.parse("2026-02-06T" + timeOfDay + "Z");
  }

  private static List<TraceRef> traces(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    return ((SearchResult.Found) result).traces();
  }
}
