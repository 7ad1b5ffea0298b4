package dev.tracelookup.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.tracelookup.backend.BackendFailure;
import dev.tracelookup.backend.LinkSearch;
import dev.tracelookup.backend.TraceRef;
import dev.tracelookup.privacy.AttributePolicy;
import dev.tracelookup.privacy.Redactor;
import dev.tracelookup.privacy.UserIdFingerprint;
import dev.tracelookup.privacy.UserIdHasher;
import dev.tracelookup.telemetry.Telemetry;
import dev.tracelookup.telemetry.TelemetryKeys;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lookup's spans and metrics, read back from an in-memory SDK. */
final class TraceLookupTelemetryTest {
  private static final String USER = "usr_k8x9m2";
  private static final UserIdFingerprint FINGERPRINTS =
      new UserIdFingerprint(
          "test fingerprint key, 32 bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          "test");

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final Clock clock = Clock.fixed(Instant.parse("2026-02-07T10:00:00Z"), ZoneOffset.UTC);
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final InMemoryBackend backend = new InMemoryBackend();
  private final LookupCache cache =
      new LookupCache(
          100,
          Duration.ofMinutes(1),
          Duration.ofHours(1),
          Duration.ofMinutes(10),
          1_000_000,
          Duration.ofHours(1),
          clock,
          Ticker.disabledTicker(),
          Runnable::run);
  private TraceLookup lookup;

  /** After the extension's reset, which drops the instruments created before it. */
  @BeforeEach
  void start() {
    lookup =
        new TraceLookup(
            backend,
            cache,
            pool,
            20,
            4,
            Duration.ofSeconds(5),
            UserIdHasher.identity(),
            AttributePolicy.defaults(new Redactor()),
            Telemetry.of(otel.getOpenTelemetry()),
            FINGERPRINTS);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private static LookupRequest request() {
    return new LookupRequest(
        USER,
        new TimeWindow(
            Instant.parse("2026-02-06T14:02:00Z"),
            Instant.parse("2026-02-06T14:32:00Z"),
            ZoneOffset.UTC,
            "test"),
        Optional.empty(),
        Optional.empty(),
        false);
  }

  private static SpanData span(String name) {
    return otel.getSpans().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + otel.getSpans()));
  }

  private static MetricData metric(String name) {
    return otel.getMetrics().stream()
        .filter(metric -> metric.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name));
  }

  private static long count(String metric, Attributes attributes) {
    return metric(metric).getLongSumData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(attributes))
        .mapToLong(LongPointData::getValue)
        .sum();
  }

  @Test
  void lookup_found_recordsLookupSpanWithTheBackendCallsAsChildren() {
    backend.add(TestSpans.orderPaymentFailure());

    lookup.lookup(request(), false);

    SpanData root = span("lookup");
    assertThat(root.getAttributes().get(TelemetryKeys.BACKEND)).isEqualTo("memory");
    assertThat(root.getAttributes().get(TelemetryKeys.OUTCOME)).isEqualTo("found");
    assertThat(root.getAttributes().get(LookupTelemetry.CACHE_HIT)).isFalse();
    assertThat(root.getAttributes().get(LookupTelemetry.RESULT_COUNT)).isEqualTo(1L);
    assertThat(root.getAttributes().get(LookupTelemetry.USER_FINGERPRINT))
        .isEqualTo(FINGERPRINTS.of(USER));
    assertThat(List.of(span("backend.search"), span("backend.fetch")))
        .allSatisfy(child -> assertThat(child.getParentSpanId()).isEqualTo(root.getSpanId()))
        .allSatisfy(child -> assertThat(child.getTraceId()).isEqualTo(root.getTraceId()));
    assertThat(span("backend.search").getAttributes().get(TracedBackend.TRACE_COUNT)).isEqualTo(1L);
  }

  /**
   *
   *
   * <pre>
   * 4bf92f35…  1 POST /api/v1/orders └── 2 orders publish (PRODUCER)
   * 0af76519…  7 orders process (CONSUMER, links to 2), found by the search by link
   * </pre>
   */
  @Test
  void lookup_producerTrace_recordsTheSearchByLinkAsAChildOfTheLookup() {
    backend.add(
        TestSpans.trace(
            TestSpans.span("1").server().name("POST /api/v1/orders").http(202).build(),
            TestSpans.span("2").parent("1").producer().name("orders publish").build()));
    Trace consumer =
        new Trace(
            "0af7651916cd43dd8448eb211c80319c",
            List.of(
                TestSpans.span("7")
                    .traceId("0af7651916cd43dd8448eb211c80319c")
                    .consumer()
                    .link(TestSpans.TRACE_ID, "2")
                    .build()));
    backend.linkAnswer = new LinkSearch.Found(List.of(TraceRef.of(consumer)));

    lookup.lookup(request(), false);

    SpanData linkSearch = span("backend.link_search");
    assertThat(linkSearch.getParentSpanId()).isEqualTo(span("lookup").getSpanId());
    assertThat(linkSearch.getAttributes().get(TracedBackend.OPERATION)).isEqualTo("link_search");
    assertThat(linkSearch.getAttributes().get(TracedBackend.TRACE_COUNT)).isEqualTo(1L);
    assertThat(linkSearch.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  @Test
  void lookup_sameQueryTwice_countsOneMissThenOneCacheHit() {
    backend.add(TestSpans.orderPaymentFailure());

    lookup.lookup(request(), false);
    lookup.lookup(request(), false);

    Attributes found =
        Attributes.of(TelemetryKeys.BACKEND, "memory", TelemetryKeys.OUTCOME, "found");
    assertThat(
            count(
                "tracelookup.lookups",
                found.toBuilder().put(LookupTelemetry.CACHE_HIT, false).build()))
        .isEqualTo(1);
    assertThat(
            count(
                "tracelookup.lookups",
                found.toBuilder().put(LookupTelemetry.CACHE_HIT, true).build()))
        .isEqualTo(1);
    assertThat(
            count(
                "tracelookup.cache.requests",
                Attributes.of(
                    LookupTelemetry.CACHE, "lookups", LookupTelemetry.CACHE_RESULT, "hit")))
        .isEqualTo(1);
    assertThat(otel.getSpans())
        .filteredOn(span -> span.getName().equals("backend.search"))
        .hasSize(1);
    assertThat(metric("tracelookup.lookup.duration").getHistogramData().getPoints())
        .singleElement()
        .satisfies(point -> assertThat(point.getCount()).isEqualTo(2));
  }

  @Test
  void lookup_backendTimesOut_marksLookupAndSearchSpansAsErrors() {
    backend.searchFailure =
        BackendFailure.of(BackendFailure.Kind.TIMEOUT, "memory", "GET /api/search: slow");

    lookup.lookup(request(), false);

    for (SpanData failed : List.of(span("lookup"), span("backend.search"))) {
      assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(failed.getAttributes().get(TelemetryKeys.ERROR_TYPE)).isEqualTo("timeout");
    }
    assertThat(metric("tracelookup.backend.duration").getHistogramData().getPoints())
        .singleElement()
        .satisfies(
            point ->
                assertThat(point.getAttributes())
                    .isEqualTo(
                        Attributes.builder()
                            .put(TelemetryKeys.BACKEND, "memory")
                            .put(TracedBackend.OPERATION, "search")
                            .put(TelemetryKeys.OUTCOME, "failed")
                            .put(TelemetryKeys.ERROR_TYPE, "timeout")
                            .build()));
  }

  @Test
  void lookup_anyOutcome_noSpanOrMetricAttributeHoldsTheUserId() {
    backend.add(TestSpans.orderPaymentFailure());
    lookup.lookup(request(), false);
    backend.searchFailure =
        BackendFailure.of(BackendFailure.Kind.SERVER_ERROR, "memory", "GET /api/search: 500");

    lookup.lookup(request(), true);

    List<Attributes> recorded = new ArrayList<>();
    otel.getSpans().forEach(span -> recorded.add(span.getAttributes()));
    otel.getMetrics()
        .forEach(
            metric ->
                metric.getData().getPoints().forEach(point -> recorded.add(point.getAttributes())));
    assertThat(recorded)
        .hasSizeGreaterThan(5)
        .allSatisfy(
            attributes ->
                assertThat(attributes.asMap().values())
                    .noneMatch(value -> value.toString().contains(USER)));
  }
}
