package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.trace.TimelineRow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WaterfallRowTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0 s",
    "400, < 1 µs",
    "850000, 850 µs",
    "999600, 1 ms",
    "12400000, 12 ms",
    "999600000, 1.0 s",
    "1949000000, 1.9 s",
    "9960000000, 10 s",
    "59600000000, 1 m 00 s",
    "125000000000, 2 m 05 s",
    "3900000000000, 1 h 05 m"
  })
  void duration_nanos_compactAndRoundedToTheUnitShown(long nanos, String expected) {
    assertThat(WaterfallRow.duration(nanos)).isEqualTo(expected);
  }

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
    return new WaterfallRow(row, "x", WaterfallRow.duration(duration));
  }
}
