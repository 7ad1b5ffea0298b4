package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.time.DurationFormat;
import dev.tracelookup.trace.TimelineRow;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WaterfallRowTest {

  @Test
  void scale_zeroRange_putsEverythingAtTheLeftEdgeWithNoLength() {
    WaterfallRow.Scale scale = WaterfallRow.Scale.of(List.of(row(1_000, 0), row(1_000, 0)));

    assertThat(scale.range()).isZero();
    assertThat(scale.eighths(1_000)).isZero();
    assertThat(scale.length(0)).isZero();
  }

  @Test
  void scale_instantsOutsideTheRange_clampToItsEdges() {
    WaterfallRow.Scale scale = WaterfallRow.Scale.of(List.of(row(1_000, 800)));

    assertThat(scale.eighths(0)).isZero();
    assertThat(scale.eighths(1_400)).isEqualTo(Waterfall.BAR_CELLS * 4);
    assertThat(scale.eighths(5_000)).isEqualTo(Waterfall.BAR_CELLS * 8);
    assertThat(scale.length(10_000)).isEqualTo(Waterfall.BAR_CELLS * 8);
  }

  private static WaterfallRow row(long start, long duration) {
    TimelineRow row =
        new TimelineRow(
            "a", "t", 0, "svc", "x", start, duration, TimelineRow.Mark.OK, false, false, false);
    return new WaterfallRow(row, "x", DurationFormat.compact(duration));
  }
}
