package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.Attributes;
import dev.tracelookup.trace.ErrorPath;
import dev.tracelookup.trace.ExceptionInfo;
import dev.tracelookup.trace.PathStep;
import dev.tracelookup.trace.Span;
import dev.tracelookup.trace.SpanKind;
import dev.tracelookup.trace.SpanOutcome;
import dev.tracelookup.trace.SpanStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever the traces hold, every message the renderer builds is one Slack accepts. */
final class CardRendererPropertyTest {
  private final CardRenderer renderer = new CardRenderer();

  @Property(tries = 40, seed = "20260206")
  void card_anyInput_staysWithinBlockKitLimits(
      @ForAll("texts") String text,
      @ForAll @IntRange(min = 1, max = 300) int depth,
      @ForAll @IntRange(min = 0, max = 600) int children,
      @ForAll @IntRange(min = 0, max = 300) int otherTraces,
      @ForAll @IntRange(min = 0, max = 10_000) int hidden) {
    ShownTrace featured = trace(text, depth, children, hidden);
    List<ShownTrace> traces = new ArrayList<>(List.of(featured));
    for (int i = 0; i < otherTraces; i++) {
      traces.add(i % 3 == 0 ? trace(text, 1, 0, 0) : RenderFixtures.okTrace(i));
    }
    CardContent content =
        new CardContent(
            text,
            RenderFixtures.WINDOW_FROM,
            RenderFixtures.WINDOW_TO,
            RenderFixtures.NEW_YORK,
            text,
            traces,
            traces.size() + hidden,
            text,
            List.of(text, text),
            hidden % 2 == 0,
            List.of(new IncidentNote(text, Optional.of("https://status.example.com/" + text))),
            Optional.of(
                new CardActions(
                    text, hidden % 2 == 0, hidden % 3 == 0, Optional.of("U" + hidden))));

    SlackMessage card = renderer.card(content);
    SlackMessage single = renderer.trace(featured, RenderFixtures.NEW_YORK, text);

    assertThat(BlockKitCheck.violations(card)).isEmpty();
    assertThat(BlockKitCheck.violations(single)).isEmpty();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("<>&@!|*`_~ \n\tab😀é#").ofMaxLength(6_000);
  }

  private static ShownTrace trace(String text, int depth, int children, int hidden) {
    List<PathStep> steps = new ArrayList<>();
    for (int d = 0; d < depth; d++) {
      List<SpanOutcome> outcomes = new ArrayList<>();
      for (int c = 0; c < children; c++) {
        outcomes.add(new SpanOutcome(String.format("%08x%08x", d, c), text, text, c % 2 == 0, 502));
      }
      outcomes.add(new SpanOutcome(String.format("%016x", d + 2), text, text, true, 500));
      Span span =
          new Span(
              text,
              String.format("%016x", d + 1),
              "",
              text,
              text,
              SpanKind.CLIENT,
              0,
              1,
              SpanStatus.error(text),
              Attributes.empty(),
              List.of());
      ExceptionInfo exception = new ExceptionInfo(text, text, List.of(text, text, text));
      steps.add(new PathStep(span, true, 500, Optional.of(exception), outcomes, hidden));
    }
    ErrorPath path = new ErrorPath(steps, hidden, List.of(), hidden % 2 == 1);
    return RenderFixtures.card(
        RenderFixtures.summary(text, RenderFixtures.TRACE_START, hidden, text, 500, hidden, depth),
        path,
        text.isEmpty() ? null : "https://ui.example/" + text);
  }
}
