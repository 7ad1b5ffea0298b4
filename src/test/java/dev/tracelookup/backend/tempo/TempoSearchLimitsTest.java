package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tempo's limits: the longest window it searches is refused before asking it, the recent past it
 * leaves out and the "first N found" it stops at are told as warnings.
 */
final class TempoSearchLimitsTest {
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final Instant FROM = Instant.parse("2026-02-06T14:00:00Z");
  private static final Instant TO = Instant.parse("2026-02-06T14:30:00Z");

  /** Three traces of the window, newest first: 14:17:23, 14:05:00, 14:01:40. */
  private static final String THREE_TRACES =
      """
      {"traces":[
        {"traceID":"2f3577b34da6a3ce929d0e0e4736","startTimeUnixNano":"1770386700000000000","durationMs":12},
        {"traceID":"4bf92f3577b34da6a3ce929d0e0e4736","startTimeUnixNano":"1770387443000000000","durationMs":1900},
        {"traceID":"af7651916cd43dd8448eb211c80319c","startTimeUnixNano":"1770386500000000000","durationMs":150}],
       "metrics":{"inspectedBytes":"3811736","completedJobs":3,"totalJobs":3}}
      """;

  private final List<Duration> pauses = new ArrayList<>();
  private final FakeTempo tempo;
  private final TempoBackend backend;

  TempoSearchLimitsTest() throws Exception {
    tempo = new FakeTempo();
    backend = tempo.backend(TempoOptions.defaults(), Clock.fixed(NOW, ZoneOffset.UTC), pauses);
  }

  @AfterEach
  void stop() throws Exception {
    tempo.close();
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
  void search_exactlyLimitTraces_warnsThatMoreMayExist() {
    tempo.searchAnswers(THREE_TRACES);
    TraceQuery three =
        new TraceQuery("usr_k8x9m2", FROM, TO, Optional.empty(), Optional.empty(), false, 3);

    SearchResult result = backend.search(three);

    assertThat(ids(result)).hasSize(3);
    assertThat(warnings(result))
        .containsExactly(
            "Tempo stopped at 3 traces and does not pick the newest: more may exist. Narrow the"
                + " window or add a filter.");
  }

  @Test
  void search_moreTracesThanLimit_keepsTheNewestAndWarns() {
    tempo.searchAnswers(THREE_TRACES);
    TraceQuery two =
        new TraceQuery("usr_k8x9m2", FROM, TO, Optional.empty(), Optional.empty(), false, 2);

    SearchResult result = backend.search(two);

    assertThat(ids(result))
        .containsExactly("4bf92f3577b34da6a3ce929d0e0e4736", "00002f3577b34da6a3ce929d0e0e4736");
    assertThat(warnings(result)).singleElement().asString().contains("more may exist");
  }

  @Test
  void search_windowOverTempoMaximum_isRefusedWithoutAskingTempo() {
    TraceQuery eightDays =
        new TraceQuery(
            "usr_1",
            TO.minus(Duration.ofHours(192)),
            TO,
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    BackendFailure failure = failure(backend.search(eightDays));

    assertThat(failure.kind()).isEqualTo(BackendFailure.Kind.UNSUPPORTED_QUERY);
    assertThat(failure.userMessage())
        .isEqualTo("Tempo searches at most 168 h at once; narrow the window.");
    assertThat(tempo.pending()).isZero();
  }

  @Test
  void search_windowOfExactlyTheMaximum_isSent() throws Exception {
    TraceQuery week =
        new TraceQuery(
            "usr_1",
            TO.minus(Duration.ofHours(168)),
            TO,
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    assertThat(backend.search(week)).isInstanceOf(SearchResult.Found.class);
    assertThat(FakeTempo.parameters(tempo.takeRequest())).containsEntry("start", "1769783400");
  }

  @Test
  void search_configuredMaximum_namesItInTheRefusal() {
    TempoOptions day =
        new TempoOptions(
            Optional.empty(),
            "",
            1,
            Duration.ofHours(24),
            Duration.ZERO,
            1,
            TempoOptions.ApiVersion.V2);
    TempoBackend strict = tempo.backend(day, Clock.fixed(NOW, ZoneOffset.UTC), pauses);
    TraceQuery twoDays =
        new TraceQuery(
            "usr_1",
            TO.minus(Duration.ofHours(48)),
            TO,
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    assertThat(failure(strict.search(twoDays)).userMessage())
        .isEqualTo("Tempo searches at most 24 h at once; narrow the window.");
  }

  @Test
  void search_windowEndingWithinTheCutoff_warnsThatRecentTracesMayBeMissing() {
    TraceQuery recent =
        new TraceQuery(
            "usr_1",
            NOW.minus(Duration.ofMinutes(15)),
            NOW.minusSeconds(10),
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    SearchResult result = backend.search(recent);

    assertThat(warnings(result))
        .containsExactly(
            "Tempo does not search the last 30 s: traces from just now may be"
                + " missing; try again in a minute.");
  }

  @Test
  void search_windowEndingBeforeTheCutoff_hasNoWarning() {
    TraceQuery settled =
        new TraceQuery(
            "usr_1",
            NOW.minus(Duration.ofMinutes(15)),
            NOW.minusSeconds(31),
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    assertThat(warnings(backend.search(settled))).isEmpty();
  }

  @Test
  void search_noCutoffConfigured_neverWarnsAboutRecentTraces() {
    TempoOptions tempo2 =
        new TempoOptions(
            Optional.empty(),
            "",
            1,
            Duration.ofHours(168),
            Duration.ZERO,
            1,
            TempoOptions.ApiVersion.V2);
    TempoBackend older = tempo.backend(tempo2, Clock.fixed(NOW, ZoneOffset.UTC), pauses);
    TraceQuery uptoNow =
        new TraceQuery(
            "usr_1",
            NOW.minus(Duration.ofMinutes(15)),
            NOW,
            Optional.empty(),
            Optional.empty(),
            false,
            20);

    assertThat(warnings(older.search(uptoNow))).isEmpty();
  }
}
