package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class TempoBackendSearchTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");
  private static final String USER_ONLY_Q =
      "{ .user.id = \"usr_k8x9m2\" || .enduser.id = \"usr_k8x9m2\" }";

  /**
   * Three traces as Tempo lists them: unordered, IDs without leading zeros, int64s as strings, the
   * deprecated {@code spanSet} beside {@code spanSets} (docs/sources/tempo/api_docs/_index.md).
   */
  private static final String THREE_TRACES =
      """
      {"traces":[
        {"traceID":"2f3577b34da6a3ce929d0e0e4736","rootServiceName":"frontend","rootTraceName":"GET /cart",
         "startTimeUnixNano":"1770386700000000000","durationMs":12,
         "spanSet":{"spans":[{"spanID":"00f067aa0ba902b7","startTimeUnixNano":"1770386700000000000",
           "durationNanos":"12000000","attributes":[{"key":"user.id","value":{"stringValue":"usr_k8x9m2"}}]}],"matched":1},
         "spanSets":[{"spans":[{"spanID":"00f067aa0ba902b7","startTimeUnixNano":"1770386700000000000",
           "durationNanos":"12000000","attributes":[{"key":"user.id","value":{"stringValue":"usr_k8x9m2"}}]}],"matched":1}]},
        {"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","rootServiceName":"order-svc","rootTraceName":"POST /api/v1/orders",
         "startTimeUnixNano":"1770387443000000000","durationMs":1900,
         "spanSets":[{"spans":[{"spanID":"b7ad6b7169203331","startTimeUnixNano":"1770387443000000000",
           "durationNanos":"1900000000"}],"matched":2}],
         "serviceStats":{"order-svc":{"spanCount":4,"errorCount":3}}},
        {"traceID":"af7651916cd43dd8448eb211c80319c","rootServiceName":"frontend","rootTraceName":"GET /",
         "startTimeUnixNano":"1770386500000000000","durationMs":150}
      ],
      "metrics":{"inspectedTraces":3100,"inspectedBytes":"3811736","totalBlocks":3,"completedJobs":3,"totalJobs":3}}
      """;

  private final List<Duration> pauses = new ArrayList<>();
  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoBackendSearchTest() throws Exception {
    tempo = new FakeTempo();
    backend = tempo.backend(TempoOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), pauses);
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  private static TraceQuery query(String userId) {
    return new TraceQuery(userId, FROM, TO, Optional.empty(), Optional.empty(), false, 20);
  }

  private static List<String> ids(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Found.class);
    return ((SearchResult.Found) result).traces().stream().map(TraceRef::traceId).toList();
  }

  private static List<String> warnings(SearchResult result) {
    return ((SearchResult.Found) result).warnings();
  }

  private static BackendFailure failure(SearchResult result) {
    assertThat(result).isInstanceOf(SearchResult.Failed.class);
    return ((SearchResult.Failed) result).failure();
  }

  @Test
  void search_userOnly_sendsTraceQlOverBothUserAttributesWithWindowInSeconds() throws Exception {
    backend.search(query("usr_k8x9m2"));

    RecordedRequest sent = tempo.takeRequest();
    assertThat(sent.method()).isEqualTo("GET");
    assertThat(sent.path()).isEqualTo("/api/search");
    assertThat(FakeTempo.parameters(sent))
        .containsExactly(
            Map.entry("q", USER_ONLY_Q),
            Map.entry("start", "1770386400"),
            Map.entry("end", "1770388200"),
            Map.entry("limit", "20"),
            Map.entry("spss", "1"));
  }

  @Test
  void search_everyFilter_addsOneSpansetEachInTheSameTrace() throws Exception {
    TraceQuery filtered =
        new TraceQuery(
            "usr_k8x9m2",
            FROM,
            TO,
            Optional.of("payment-svc"),
            Optional.of("POST /api/v1/orders"),
            true,
            5);

    backend.search(filtered);

    Map<String, String> sent = FakeTempo.parameters(tempo.takeRequest());
    assertThat(sent.get("q"))
        .isEqualTo(
            USER_ONLY_Q
                + " && { resource.service.name = \"payment-svc\" }"
                + " && { name = \"POST /api/v1/orders\" }"
                + " && { status = error }");
    assertThat(sent.get("limit")).isEqualTo("5");
  }

  @Test
  void search_authAndTenantHeaders_reachTempo() throws Exception {
    backend.search(query("usr_k8x9m2"));

    RecordedRequest sent = tempo.takeRequest();
    assertThat(sent.header("X-Scope-OrgID")).isEqualTo(FakeTempo.TENANT);
    assertThat(sent.header("Authorization")).isEqualTo(FakeTempo.TOKEN);
    assertThat(sent.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void search_windowWithFractionsOfSeconds_widensToWholeSeconds() throws Exception {
    TraceQuery query =
        new TraceQuery(
            "usr_1",
            FROM.plusMillis(999),
            TO.plusMillis(1),
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    backend.search(query);

    Map<String, String> sent = FakeTempo.parameters(tempo.takeRequest());
    assertThat(sent).containsEntry("start", "1770386400").containsEntry("end", "1770388201");
  }

  @Test
  void search_instantWindow_becomesOneSecondSinceTempoRefusesEndEqualToStart() throws Exception {
    TraceQuery query =
        new TraceQuery("usr_1", FROM, FROM, Optional.empty(), Optional.empty(), false, 20);

    backend.search(query);

    Map<String, String> sent = FakeTempo.parameters(tempo.takeRequest());
    assertThat(sent).containsEntry("start", "1770386400").containsEntry("end", "1770386401");
  }

  @Test
  void search_tempoAnswer_givesPaddedIdsNewestFirstWithoutTraces() {
    tempo.searchAnswers(THREE_TRACES);

    SearchResult result = backend.search(query("usr_k8x9m2"));

    assertThat(ids(result))
        .containsExactly(
            "4bf92f3577b34da6a3ce929d0e0e4736",
            "00002f3577b34da6a3ce929d0e0e4736",
            "0af7651916cd43dd8448eb211c80319c");
    assertThat(((SearchResult.Found) result).traces())
        .allSatisfy(ref -> assertThat(ref.trace()).isEmpty());
    assertThat(warnings(result)).isEmpty();
  }

  @Test
  void search_tempoFoundNothing_isFoundEmpty() {
    tempo.searchAnswers(FakeTempo.EMPTY_SEARCH);

    assertThat(ids(backend.search(query("usr_k8x9m2")))).isEmpty();
  }

  @Test
  void search_answerWithoutTracesField_isFoundEmpty() {
    tempo.searchAnswers("{\"metrics\":{\"completedJobs\":1,\"totalJobs\":1}}");

    assertThat(ids(backend.search(query("usr_k8x9m2")))).isEmpty();
  }

  @Test
  void search_sameTraceListedTwice_isListedOnce() {
    tempo.searchAnswers(
        "{\"traces\":[{\"traceID\":\"abc\",\"startTimeUnixNano\":\"1\"},"
            + "{\"traceID\":\"0ABC\",\"startTimeUnixNano\":\"1\"}]}");

    assertThat(ids(backend.search(query("usr_1"))))
        .containsExactly("00000000000000000000000000000abc");
  }

  @Test
  void search_searchPathAnswers404_isRejectedSayingTheUrlIsNotTempo() {
    tempo.answerAll(request -> Reply.status(404, "404 page not found"));

    BackendFailure failure = failure(backend.search(query("usr_1")));

    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.REJECTED);
    assertThat(failure.detail()).contains("Tempo's API root");
  }

  @Test
  void search_configuredSpss_isSent() throws Exception {
    TempoOptions three =
        new TempoOptions(
            Optional.empty(),
            "",
            1,
            Duration.ofHours(168),
            Duration.ofSeconds(30),
            3,
            TempoOptions.ApiVersion.V2);

    tempo.backend(three, Clock.fixed(NOW, ZoneOffset.UTC), pauses).search(query("usr_1"));

    assertThat(FakeTempo.parameters(tempo.takeRequest())).containsEntry("spss", "3");
  }

  @Test
  void search_configuredUserKey_isTheOnlyAttributeQueried() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    TempoBackend custom =
        new TempoBackend(
            tempo.http(clock, pauses), List.of("app.customer_id"), TempoOptions.defaults(), clock);

    custom.search(query("c-42"));

    assertThat(FakeTempo.parameters(tempo.takeRequest()))
        .containsEntry("q", "{ .app.customer_id = \"c-42\" }");
  }

  @Test
  void new_userKeyThatIsNotAPlainAttributeName_isRefused() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    assertThatThrownBy(
            () ->
                new TempoBackend(
                    tempo.http(clock, pauses),
                    List.of("user.id } || { true"),
                    TempoOptions.defaults(),
                    clock))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a plain attribute name");
    assertThatThrownBy(
            () ->
                new TempoBackend(
                    tempo.http(clock, pauses), List.of(), TempoOptions.defaults(), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
