package dev.tracelookup.trace;

import static dev.tracelookup.trace.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class SpanTest {
  @Test
  void toBuilder_unchanged_buildsAnEqualSpan() {
    Span original =
        span("b").parent("a").server().http(500).error("boom").link("f".repeat(32), "c").build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
  }

  @Test
  void toBuilder_oneFieldSet_changesOnlyThatField() {
    Span original = span("b").parent("a").service("order-svc").build();

    Span moved = original.toBuilder().parentSpanId(TestSpans.id("c")).build();

    assertThat(moved.parentSpanId()).isEqualTo(TestSpans.id("c"));
    assertThat(moved.toBuilder().parentSpanId(original.parentSpanId()).build()).isEqualTo(original);
    assertThat(original.withParent(TestSpans.id("c"))).isEqualTo(moved);
  }

  @Test
  void links_absent_areAnEmptyList() {
    Span span = new Span("t", "s", "", "svc", "n", SpanKind.INTERNAL, 0, 0, null, null, null, null);

    assertThat(span.links()).isEqualTo(List.of());
  }
}
