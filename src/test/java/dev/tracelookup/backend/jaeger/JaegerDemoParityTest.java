package dev.tracelookup.backend.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.SearchResult;
import dev.tracelookup.backend.TraceBackend;
import dev.tracelookup.backend.TraceQuery;
import dev.tracelookup.backend.otlpfile.OtlpFileBackend;
import dev.tracelookup.lookup.LookupCache;
import dev.tracelookup.lookup.LookupOutcome;
import dev.tracelookup.lookup.LookupPresenter;
import dev.tracelookup.lookup.LookupRequest;
import dev.tracelookup.lookup.TimeWindow;
import dev.tracelookup.lookup.TraceLookup;
import dev.tracelookup.render.CardRenderer;
import dev.tracelookup.trace.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write-up's lookup, {@code usr_k8x9m2} 14:00–14:30 UTC on 2026-02-06, gives the same error
 * path through Jaeger, in both API modes, as through the demo files the traces come from: the
 * user's traces of that day are converted to each API's wire format and served by the fakes.
 */
final class JaegerDemoParityTest {
  /** The services of the demo whose spans carry the user's ID, as an admin would list them. */
  private static final String[] ENTRY_SERVICES = {
    "api-gateway",
    "order-svc",
    "inventory-svc",
    "user-svc",
    "search-svc",
    "payment-svc",
    "notification-svc"
  };

  private static OtlpFileBackend demo;
  private static List<Trace> usersDay;

  private final List<Duration> pauses = new ArrayList<>();
  private FakeJaegerV3 v3;
  private FakeJaegerV1 v1;

  @BeforeAll
  static void loadDemo() throws IOException {
    demo =
        OtlpFileBackend.open(
            Path.of("config/demo"), JaegerTesting.USER_KEYS, Optional.empty(), "demo files");
    TraceQuery wholeDay =
        new TraceQuery(
            JaegerTesting.USER,
            Instant.parse("2026-02-06T00:00:00Z"),
            Instant.parse("2026-02-07T00:00:00Z"),
            Optional.empty(),
            Optional.empty(),
            false,
            1_000);
    usersDay =
        ((SearchResult.Found) demo.search(wholeDay))
            .traces().stream().map(ref -> ref.trace().orElseThrow()).toList();
  }

  @BeforeEach
  void start() throws Exception {
    v3 = new FakeJaegerV3();
    v1 = new FakeJaegerV1();
    v3.add(usersDay.toArray(Trace[]::new));
    v1.add(usersDay.toArray(Trace[]::new));
  }

  @AfterEach
  void stop() throws Exception {
    v3.close();
    v1.close();
  }

  @Test
  void demoDay_holdsTheWriteUpsTraceAmongOthers() {
    assertThat(usersDay).extracting(Trace::traceId).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(usersDay).hasSizeGreaterThan(1);
  }

  @Test
  void lookup_throughApiV3_showsTheDemoFilesErrorPath() {
    JaegerBackend jaeger = JaegerTesting.backend(v3.uri(), JaegerTesting.v3(), pauses);

    String throughJaeger = errorPath(jaeger);

    assertThat(throughJaeger).startsWith("Trace 4bf92f35").contains("Root cause:");
    assertThat(throughJaeger).isEqualTo(errorPath(demo));
  }

  @Test
  void lookup_throughV1_showsTheDemoFilesErrorPath() {
    JaegerBackend jaeger =
        JaegerTesting.backend(v1.uri(), JaegerTesting.v1(ENTRY_SERVICES), pauses);

    String throughJaeger = errorPath(jaeger);

    assertThat(throughJaeger).startsWith("Trace 4bf92f35").contains("Root cause:");
    assertThat(throughJaeger).isEqualTo(errorPath(demo));
  }

  /** Returns the card's lines from {@code Trace 4bf92f35…} to {@code Root cause:}. */
  private static String errorPath(TraceBackend backend) {
    LookupCache cache =
        new LookupCache(
            100,
            Duration.ofMinutes(1),
            Duration.ofHours(1),
            Duration.ofMinutes(10),
            1_000_000,
            Duration.ofHours(1),
            JaegerTesting.CLOCK,
            Ticker.disabledTicker(),
            Runnable::run);
    TraceLookup lookup =
        new TraceLookup(backend, cache, Runnable::run, 20, 4, Duration.ofSeconds(60));
    LookupRequest request =
        new LookupRequest(
            JaegerTesting.USER,
            new TimeWindow(JaegerTesting.FROM, JaegerTesting.TO, ZoneOffset.UTC, "test"),
            Optional.empty(),
            Optional.empty(),
            false);

    LookupOutcome outcome = lookup.lookup(request, false);

    String text =
        new LookupPresenter(new CardRenderer(), backend.displayName())
            .presentText(outcome, ZoneOffset.UTC);
    int start = text.indexOf("Trace 4bf92f35");
    int rootCause = text.indexOf("Root cause:", Math.max(start, 0));
    assertThat(start).as(text).isNotNegative();
    assertThat(rootCause).as(text).isNotNegative();
    return text.substring(
        start, text.indexOf('\n', rootCause) < 0 ? text.length() : text.indexOf('\n', rootCause));
  }
}
