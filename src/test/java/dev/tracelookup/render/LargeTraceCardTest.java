package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.TestSpans;
import dev.tracelookup.trace.Trace;
import dev.tracelookup.trace.TraceAnalyzer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Real analyses of big traces, rendered: whatever the trace, the message stays within Slack's
 * limits.
 */
final class LargeTraceCardTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private final CardRenderer renderer = new CardRenderer();

  /**
   * 10,000 spans: a root with 100 branches, each a 99-deep chain; every tenth branch fails at its
   * bottom with a long exception, so the path is 100 steps deep and 9 other branches fail.
   */
  private static Trace tenThousandSpans() {
    List<Span> spans = new ArrayList<>();
    spans.add(
        TestSpans.span("1")
            .server()
            .name("POST /api/v1/orders")
            .http(500)
            .error("")
            .lasting(9_000)
            .build());
    for (int branch = 0; branch < 100; branch++) {
      String parent = "1";
      for (int depth = 0; depth < 99; depth++) {
        String id = Integer.toHexString(0x10000 + branch * 0x100 + depth);
        boolean bottom = depth == 98;
        boolean failing = branch % 10 == 0;
        TestSpans.Builder span =
            TestSpans.span(id)
                .parent(parent)
                .service("svc-" + (depth % 7))
                .name("step-" + branch + "-" + depth + "-" + "x".repeat(60))
                .at(branch * 50L + depth)
                .lasting(5);
        if (failing) {
          span.error("failed at depth " + depth);
        }
        if (failing && bottom) {
          span.client()
              .http(502)
              .exception(
                  "ConnectionRefusedError",
                  "gateway timeout " + "z".repeat(5_000),
                  "at a.b(c.java:1)\n".repeat(200));
        }
        spans.add(span.build());
        parent = id;
      }
    }
    return TestSpans.trace(spans);
  }

  private static Trace tenThousandSiblings() {
    List<Span> spans = new ArrayList<>();
    spans.add(TestSpans.span("1").server().name("GET /batch").http(503).lasting(9_000).build());
    for (int i = 0; i < 9_999; i++) {
      spans.add(
          TestSpans.span(Integer.toHexString(0x1000 + i))
              .parent("1")
              .client()
              .name("GET item/" + i)
              .http(i % 3 == 0 ? 500 : 200)
              .at(i)
              .build());
    }
    return TestSpans.trace(spans);
  }

  private static CardContent content(List<ShownTrace> cards) {
    return new CardContent(
        "usr_k8x9m2",
        TestSpans.T0.minusSeconds(900),
        TestSpans.T0.plusSeconds(900),
        ZONE,
        "Tempo",
        cards,
        cards.size(),
        "",
        List.of(),
        false,
        List.of(),
        Optional.of(CardActions.privateAnswer("t".repeat(300), false)));
  }

  @Test
  void card_tenThousandSpanDeepTrace_staysWithinBlockKitLimits() {
    Trace trace = tenThousandSpans();
    ShownTrace card =
        new ShownTrace(TraceAnalyzer.analyze(trace), Optional.of("https://ui.example/trace/1"));

    SlackMessage message = renderer.card(content(List.of(card)));

    assertThat(trace.spans()).hasSize(9_901);
    assertThat(card.analysis().errorPath())
        .hasValueSatisfying(
            path -> {
              assertThat(path.steps()).hasSize(100);
              assertThat(path.otherFailingBranches()).isEqualTo(9);
            });
    assertThat(BlockKitCheck.violations(message)).isEmpty();
    assertThat(message.toJson())
        .contains("ConnectionRefusedError")
        .contains("9 other failing branches");
  }

  @Test
  void trace_tenThousandSiblings_staysWithinBlockKitLimitsAndSaysWhatItLeftOut() {
    ShownTrace card =
        new ShownTrace(TraceAnalyzer.analyze(tenThousandSiblings()), Optional.empty());

    SlackMessage single = renderer.trace(card, ZONE, "Tempo");
    SlackMessage list = renderer.card(content(List.of(card)));

    assertThat(BlockKitCheck.violations(single)).isEmpty();
    assertThat(BlockKitCheck.violations(list)).isEmpty();
    assertThat(single.toJson()).contains("more");
  }
}
