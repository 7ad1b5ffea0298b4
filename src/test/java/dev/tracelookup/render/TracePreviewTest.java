package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TracePreviewTest {

  @Test
  void of_writeUpTrace_showsWhatTheCustomerSawThePathTheRootCauseAndTheLink() {
    SlackMessage preview = TracePreview.of(RenderFixtures.writeUp(), "Tempo");

    assertThat(BlockKitCheck.violations(preview)).isEmpty();
    assertThat(preview.toJson())
        .contains("Failed: POST /api/v1/orders")
        .contains("payment.process_charge")
        .contains("ConnectionRefusedError")
        .contains("Root cause")
        .contains("Open in Tempo");
    assertThat(RenderFixtures.texts(preview)).noneMatch(text -> text.contains("Show trace"));
    assertThat(preview.blocks().get(preview.blocks().size() - 1).toString())
        .contains(RenderFixtures.UI_URL);
  }

  @Test
  void of_hugeTrace_keepsTheEntryAndTheLinesAroundTheCulpritWithinLimits() {
    ShownTrace huge =
        RenderFixtures.card(
            RenderFixtures.summary(
                RenderFixtures.TRACE_ID,
                RenderFixtures.TRACE_START,
                1_900,
                "step-0",
                500,
                20_000,
                300),
            RenderFixtures.hugePath(60, 40, 400),
            RenderFixtures.UI_URL);

    SlackMessage preview = TracePreview.of(huge, "Tempo");

    assertThat(BlockKitCheck.violations(preview)).isEmpty();
    assertThat(preview.blocks()).hasSizeLessThanOrEqualTo(5);
    assertThat(preview.toJson()).contains("DeepError");
  }

  @Test
  void missing_saysTheBackendHasNoSuchTrace() {
    SlackMessage note = TracePreview.missing(RenderFixtures.TRACE_ID, "Jaeger");

    assertThat(BlockKitCheck.violations(note)).isEmpty();
    assertThat(note.text()).startsWith("Jaeger has no trace ");
  }
}
