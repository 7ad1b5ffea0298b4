package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.id;
import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SpanMergerTest {

  @Test
  void merge_noEarlierCopy_returnsSpan() {
    Span span = span("a").build();

    assertThat(SpanMerger.merge(null, span)).isSameAs(span);
  }

  @Test
  void merge_copiesWithDifferentParts_keepsBoth() {
    Span first = span("b").parent("a").service("checkout").attribute("http.route", "/pay").build();
    Span second =
        new Span(
            TestSpans.TRACE_ID,
            id("b"),
            "",
            null,
            "charge",
            SpanKind.CLIENT,
            0,
            0,
            SpanStatus.UNSET,
            Attributes.of("peer.service", "gateway"),
            null);

    Span merged = SpanMerger.merge(first, second);

    assertThat(merged.parentSpanId()).isEqualTo(id("a"));
    assertThat(merged.service()).isEqualTo("checkout");
    assertThat(merged.attributes().values()).containsOnlyKeys("http.route", "peer.service");
    assertThat(merged.startEpochNanos()).isEqualTo(first.startEpochNanos());
  }

  @Test
  void merge_errorOnPoorerCopy_keepsError() {
    Span rich = span("a").ok().attribute("k1", "v").attribute("k2", "v").build();
    Span poor = span("a").error("refused").build();

    Span merged = SpanMerger.merge(rich, poor);

    assertThat(merged.status()).isEqualTo(SpanStatus.error("refused"));
  }

  @Test
  void merge_conflictingValues_richerCopyWins() {
    Span poor = span("a").name("poor").attribute("k", "poor").build();
    Span rich = span("a").name("rich").attribute("k", "rich").attribute("extra", "x").build();

    Span merged = SpanMerger.merge(poor, rich);

    assertThat(merged.name()).isEqualTo("rich");
    assertThat(merged.attributes().get("k")).contains("rich");
  }

  @Test
  void merge_sameEventTwice_keepsItOnce() {
    Span first = span("a").exception("E", "m", "").build();
    Span second = span("a").exception("E", "m", "").exception("F", "n", "").build();

    Span merged = SpanMerger.merge(first, second);

    assertThat(merged.events())
        .extracting(event -> event.attributes().get("exception.type").orElseThrow())
        .containsExactly("E", "F");
  }
}
