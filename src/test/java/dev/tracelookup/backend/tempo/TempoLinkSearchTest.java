package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.LinkQuery;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.testing.FakeHttpServer.RecordedRequest;
import dev.tracelookup.testing.FakeHttpServer.Reply;
import dev.tracelookup.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tempo's search by span link. The producer's trace queued work that ran in traces of their own,
 * each with a span linking back:
 *
 * <pre>
 * trace 4bf92f35…  POST /api/v1/orders └── orders publish (PRODUCER)
 *                                            ▲        ▲
 * trace 0af76519…  orders process ───────────┘        │   (started 14:17:24)
 * trace 00000000000000000000000000000e1f  email send ─┘   (started 14:17:30; Tempo strips the zeros)
 * </pre>
 */
final class TempoLinkSearchTest {
  private static final String PRODUCER = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final LinkQuery QUERY =
      new LinkQuery(
          PRODUCER,
          Instant.parse("2026-02-06T14:16:23Z"),
          Instant.parse("2026-02-06T15:17:25Z"),
          5);

  /**
   * Tempo's answer; it lists the producer's own trace too, since one of its spans links inside it.
   */
  private static final String TWO_CONSUMERS =
      """
      {"traces":[
        {"traceID":"e1f","rootServiceName":"mailer","rootTraceName":"email send","startTimeUnixNano":"1770387450000000000"},
        {"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","rootServiceName":"order-svc","rootTraceName":"POST /api/v1/orders",
         "startTimeUnixNano":"1770387443000000000"},
        {"traceID":"af7651916cd43dd8448eb211c80319c","rootServiceName":"fulfilment","rootTraceName":"orders process",
         "startTimeUnixNano":"1770387444000000000"}],
       "metrics":{"inspectedBytes":"2048","completedJobs":1,"totalJobs":1}}
      """;

  /**
   * How Tempo before 2.6 answers a query with a link intrinsic (pkg/api: "invalid TraceQL query: "
   * + the parse error).
   */
  private static final Reply PARSE_ERROR =
      Reply.status(
          400,
          "invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected"
              + " IDENTIFIER\n");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-07T10:00:00Z"));
  private final List<Duration> pauses = new ArrayList<>();
  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoLinkSearchTest() throws Exception {
    tempo = new FakeTempo();
    backend = tempo.backend(TempoOptions.defaults(), clock, pauses);
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
  }

  /**
   * Answers the search path with {@code search} and the build info with {@code version}, or 404
   * without one.
   */
  private void oldTempo(Reply search, String version) {
    tempo.answerAll(
        request -> {
          if (request.path().equals("/api/status/buildinfo")) {
            return version == null
                ? Reply.status(404, "404 page not found")
                : Reply.json(
                    "{\"version\":\""
                        + version
                        + "\",\"revision\":\"abc\",\"branch\":\"HEAD\",\"goVersion\":\"go1.22\"}");
          }
          return search;
        });
  }

  @Test
  void searchLinkingTo_sendsTheLinkIntrinsicAsAGoLiteralOverTheSearchPath() throws Exception {
    backend.searchLinkingTo(QUERY);

    RecordedRequest sent = tempo.takeRequest();
    assertThat(sent.path()).isEqualTo("/api/search");
    assertThat(FakeTempo.parameters(sent))
        .containsExactly(
            Map.entry("q", "{ link:traceID = \"4bf92f3577b34da6a3ce929d0e0e4736\" }"),
            Map.entry("start", "1770387383"),
            Map.entry("end", "1770391045"),
            Map.entry("limit", "6"),
            Map.entry("spss", "1"));
    assertThat(sent.header(FakeTempo.TENANT_HEADER)).isEqualTo(FakeTempo.TENANT);
  }

  @Test
  void linkQuery_anythingButANormalisedTraceId_isRefusedBeforeItCanReachTraceQl() {
    assertThatThrownBy(() -> new LinkQuery("\" } || { true } // ", QUERY.from(), QUERY.to(), 5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LinkQuery(PRODUCER.toUpperCase(), QUERY.from(), QUERY.to(), 5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void searchLinkingTo_answer_isTheLinkingTracesNewestFirstPaddedAndWithoutTheProducer() {
    tempo.searchAnswers(TWO_CONSUMERS);

    LinkSearch result = backend.searchLinkingTo(QUERY);

    assertThat(result).isInstanceOf(LinkSearch.Found.class);
    assertThat(((LinkSearch.Found) result).traces())
        .extracting(TraceRef::traceId)
        .containsExactly("00000000000000000000000000000e1f", "0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void searchLinkingTo_moreThanTheLimit_isCutToTheLimit() {
    tempo.searchAnswers(TWO_CONSUMERS);

    LinkSearch result =
        backend.searchLinkingTo(new LinkQuery(PRODUCER, QUERY.from(), QUERY.to(), 1));

    assertThat(((LinkSearch.Found) result).traces())
        .extracting(TraceRef::traceId)
        .containsExactly("00000000000000000000000000000e1f");
  }

  @Test
  void searchLinkingTo_tempoBefore26_isUnsupportedNamingItsVersion() throws Exception {
    oldTempo(PARSE_ERROR, "v2.5.0");

    LinkSearch result = backend.searchLinkingTo(QUERY);

    assertThat(result)
        .isEqualTo(
            new LinkSearch.Unsupported(
                "Tempo 2.5.0 cannot search by span link; TraceQL link intrinsics need Tempo ≥"
                    + " 2.6."));
    assertThat(tempo.takeRequest().path()).isEqualTo("/api/search");
    assertThat(tempo.takeRequest().path()).isEqualTo("/api/status/buildinfo");
  }

  @Test
  void searchLinkingTo_oldTempoWithoutBuildInfo_isUnsupportedWithoutAVersion() {
    oldTempo(PARSE_ERROR, null);

    LinkSearch result = backend.searchLinkingTo(QUERY);

    assertThat(result)
        .isEqualTo(
            new LinkSearch.Unsupported(
                "Tempo cannot search by span link; TraceQL link intrinsics need Tempo ≥ 2.6."));
  }

  @Test
  void searchLinkingTo_unsupported_isRememberedForTenMinutesThenAskedAgain() throws Exception {
    oldTempo(PARSE_ERROR, "2.4.2");
    backend.searchLinkingTo(QUERY);
    tempo.takeRequest();
    tempo.takeRequest();

    LinkSearch again = backend.searchLinkingTo(QUERY);
    assertThat(again).isInstanceOf(LinkSearch.Unsupported.class);
    assertThat(tempo.pending()).isZero();

    clock.advance(TempoLinkSearch.REMEMBER_UNSUPPORTED);
    tempo.answerAll(request -> Reply.json(TWO_CONSUMERS));
    assertThat(backend.searchLinkingTo(QUERY)).isInstanceOf(LinkSearch.Found.class);
  }

  @Test
  void searchLinkingTo_parseErrorFromATempoThatHasTheIntrinsics_staysAFailure() {
    oldTempo(PARSE_ERROR, "2.7.1");

    LinkSearch result = backend.searchLinkingTo(QUERY);

    assertThat(result).isInstanceOf(LinkSearch.Failed.class);
    assertThat(((LinkSearch.Failed) result).failure().kind())
        .isEqualTo(BackendFailure.Kind.REJECTED);
  }

  @Test
  void searchLinkingTo_otherRefusal_isAFailureAndAsksNoVersion() throws Exception {
    oldTempo(
        Reply.status(
            400, "range specified by start and end exceeds 168h0m0s. received start=1 end=2"),
        "2.5.0");

    LinkSearch result = backend.searchLinkingTo(QUERY);

    assertThat(result).isInstanceOf(LinkSearch.Failed.class);
    tempo.takeRequest();
    assertThat(tempo.pending()).isZero();
  }

  @Test
  void searchLinkingTo_serverError_isAFailureNotUnsupported() {
    oldTempo(Reply.status(503, "too many outstanding requests"), "2.5.0");

    LinkSearch result = backend.searchLinkingTo(QUERY);

    assertThat(((LinkSearch.Failed) result).failure().kind())
        .isEqualTo(BackendFailure.Kind.SERVER_ERROR);
  }

  @Test
  void searchLinkingTo_windowLongerThanTempoSearches_isCutAtItsStart() throws Exception {
    LinkQuery week =
        new LinkQuery(PRODUCER, QUERY.from(), QUERY.from().plus(Duration.ofDays(10)), 5);

    backend.searchLinkingTo(week);

    Map<String, String> sent = FakeTempo.parameters(tempo.takeRequest());
    assertThat(Long.parseLong(sent.get("end")) - Long.parseLong(sent.get("start")))
        .isEqualTo(Duration.ofHours(168).toSeconds());
  }

  @Test
  void atLeast_comparesMajorThenMinor() {
    assertThat(TempoLinkSearch.atLeast("2.6.0", "2.6")).isTrue();
    assertThat(TempoLinkSearch.atLeast("3.0.3", "2.6")).isTrue();
    assertThat(TempoLinkSearch.atLeast("2.10.1", "2.6")).isTrue();
    assertThat(TempoLinkSearch.atLeast("2.5.0", "2.6")).isFalse();
    assertThat(TempoLinkSearch.atLeast("main-1a2b3c", "2.6")).isFalse();
  }
}
