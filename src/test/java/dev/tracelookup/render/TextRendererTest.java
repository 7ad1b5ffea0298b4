package dev.tracelookup.render;

import static dev.tracelookup.render.RenderFixtures.WRITE_UP_LINES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.SpanKind;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TextRendererTest {
  private final TextRenderer renderer = new TextRenderer();

  @Test
  void card_writeUpCase_printsTheWriteUpLinesInOrder() {
    CardContent content = RenderFixtures.writeUpContent();

    String text = renderer.card(content);

    assertThat(text.lines())
        .startsWith(
            RenderFixtures.WRITE_UP_HEADLINE,
            "Traces for usr_k8x9m2 · 2026-02-06 14:00–14:30 UTC (9:00–9:30 AM America/New_York)"
                + " · 3 traces, 1 failed · Tempo")
        .containsSubsequence(WRITE_UP_LINES)
        .contains("Open in Tempo: " + RenderFixtures.UI_URL)
        .containsSubsequence(
            "Other traces",
            "  ✅ 2026-02-06 14:01:00 UTC · 240 ms · GET /api/v1/cart → 200 · trace"
                + " 00000000000000000000000000abc001");
    assertThat(text).doesNotContain("*", "&amp;", "```");
  }

  @Test
  void trace_culpritWithStack_printsTheFramesBelowThePath() {
    PathStep culprit =
        RenderFixtures.step(
            RenderFixtures.span("00000000000000e1", "", "GET /x", SpanKind.SERVER, 0, 10),
            500,
            Optional.of(
                new ExceptionInfo(
                    "IllegalStateException",
                    "no <cart> & no order",
                    List.of("at shop.Cart.load(Cart.java:12)", "at shop.Api.get(Api.java:40)"))),
            List.of());
    ShownTrace card =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID, RenderFixtures.TRACE_START, 10, "GET /x", 500, 1, 1),
            new ErrorPath(List.of(culprit), 0, List.of(), false),
            null);

    String text = renderer.trace(card, ZoneOffset.UTC, "Zipkin");

    assertThat(text.lines())
        .containsExactly(
            "❌ Failed: GET /x answered 500 Internal Server Error after 10 ms:"
                + " IllegalStateException: no <cart> & no order",
            "Trace 4bf92f35… · 2026-02-06 14:17:23 UTC · 10 ms · GET /x → 500",
            "payment-svc · 1 span, 1 failing",
            "  IllegalStateException: no <cart> & no order",
            "  Stack:",
            "    at shop.Cart.load(Cart.java:12)",
            "    at shop.Api.get(Api.java:40)",
            "Root cause: payment-svc · GET /x → 500 Internal Server Error: IllegalStateException:"
                + " no <cart> & no order (14:17:23 UTC)",
            "Trace ID: 4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void trace_terminalEscapesInNames_areRemoved() {
    String hostile = "evil\u001b[2J\u001b]8;;http://x\u0007name\nsecond line";
    PathStep entry =
        RenderFixtures.step(
            RenderFixtures.span("00000000000000e1", "", hostile, hostile, SpanKind.SERVER, 0, 10),
            500,
            Optional.of(new ExceptionInfo(hostile, hostile, List.of(hostile))),
            List.of());
    ShownTrace card =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID, RenderFixtures.TRACE_START, 10, hostile, 500, 1, 1),
            new ErrorPath(List.of(entry), 0, List.of(), false),
            null);

    String text = renderer.trace(card, ZoneOffset.UTC, hostile);

    assertThat(text)
        .doesNotContain("\u001b", "\u0007")
        .contains("evil [2J ]8;;http://x name second line");
  }

  @Test
  void card_moreMatchedThanFetched_saysHowManyWereNotFetched() {
    CardContent content = RenderFixtures.content(List.of(RenderFixtures.writeUp()), 30);

    String text = renderer.card(content);

    assertThat(text)
        .contains("30 traces, 1 fetched, 1 of them failed", "  +29 more traces not fetched");
  }

  @Test
  void trace_giantPath_isElidedAroundTheCulprit() {
    ShownTrace card =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID,
                RenderFixtures.TRACE_START,
                10,
                "GET /",
                500,
                10_000,
                10_000),
            RenderFixtures.hugePath(3_000, 20, 100),
            null);

    String text = renderer.trace(card, ZoneOffset.UTC, "Tempo");

    assertThat(text.length()).isLessThan(120_000);
    assertThat(text)
        .contains("lines not shown", "DeepError: culprit at depth 2999", "Root cause: svc-2999");
  }
}
