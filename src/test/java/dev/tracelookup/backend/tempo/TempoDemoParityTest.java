package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.trace.Trace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The write-up's lookup gives the same error path through Tempo as through the demo files: the
 * customer's traces of that day, turned into Tempo's wire formats, served by {@link FakeTempo}.
 */
final class TempoDemoParityTest {
  private static final String CUSTOMER = "usr_k8x9m2";
  private static final String FAILED_ORDER = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Instant NOW = Instant.parse("2026-02-07T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void lookup_writeUpCustomerAt215pm_showsTheSameErrorPathThroughTempo() throws Exception {
    OtlpFileBackend files =
        OtlpFileBackend.open(
            Path.of("config", "demo"), FakeTempo.USER_KEYS, Optional.empty(), "demo files");
    List<Trace> customersDay =
        wholeTraces(
            files.search(
                new TraceQuery(
                    CUSTOMER,
                    Instant.parse("2026-02-06T00:00:00Z"),
                    Instant.parse("2026-02-07T00:00:00Z"),
                    Optional.empty(),
                    Optional.empty(),
                    false,
                    1_000)));

    try (FakeTempo tempo = new FakeTempo().searchable(customersDay)) {
      TempoBackend backend = tempo.backend(TempoOptions.defaults(), CLOCK, new ArrayList<>());

      LookupOutcome throughFiles = lookUp(files);
      LookupOutcome throughTempo = lookUp(backend);

      assertThat(customersDay)
          .extracting(Trace::traceId)
          .contains(FAILED_ORDER)
          .hasSizeGreaterThan(5);
      assertThat(cardIds(throughTempo)).isEqualTo(cardIds(throughFiles)).contains(FAILED_ORDER);
      assertThat(errorPath(text(throughTempo, "Tempo")))
          .isEqualTo(errorPath(text(throughFiles, "demo files")))
          .first()
          .asString()
          .startsWith("Trace 4bf92f35");
    }
  }

  private LookupOutcome lookUp(TraceBackend backend) {
    LookupCache cache =
        new LookupCache(
            100,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            1_000_000,
            Duration.ofHours(1),
            CLOCK,
            System::nanoTime,
            Runnable::run);
    TraceLookup lookup = new TraceLookup(backend, cache, pool, 20, 4, Duration.ofSeconds(30));
    TimeWindow window =
        new TimeWindow(
            Instant.parse("2026-02-06T14:00:00Z"),
            Instant.parse("2026-02-06T14:30:00Z"),
            ZoneOffset.UTC,
            "test");
    return lookup.lookup(
        new LookupRequest(CUSTOMER, window, Optional.empty(), Optional.empty(), false), false);
  }

  private static List<Trace> wholeTraces(SearchResult result) {
    return ((SearchResult.Found) result)
        .traces().stream().map(TraceRef::trace).map(Optional::orElseThrow).toList();
  }

  private static List<String> cardIds(LookupOutcome outcome) {
    assertThat(outcome).isInstanceOf(LookupOutcome.Found.class);
    return ((LookupOutcome.Found) outcome)
        .traces().stream().map(card -> card.analysis().summary().traceId()).toList();
  }

  private static String text(LookupOutcome outcome, String backendName) {
    return new LookupPresenter(new CardRenderer(), backendName)
        .presentText(outcome, ZoneOffset.UTC);
  }

  /**
   * Returns the lines from the failed order's {@code Trace 4bf92f35…} line to its {@code Root
   * cause:} line.
   */
  private static List<String> errorPath(String card) {
    List<String> lines = Arrays.asList(card.split("\n"));
    int first = indexOf(lines, "Trace 4bf92f35", 0);
    int last = indexOf(lines, "Root cause:", first);
    return lines.subList(first, last + 1);
  }

  private static int indexOf(List<String> lines, String prefix, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with " + prefix + " in:\n" + String.join("\n", lines));
  }
}
