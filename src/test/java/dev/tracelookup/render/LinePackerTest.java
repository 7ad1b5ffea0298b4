package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class LinePackerTest {

  @Test
  void chunk_lines_joinsGreedilyWithinTheChunkSize() {
    List<String> chunks = LinePacker.chunk(List.of("aaaa", "bbbb", "cccc"), 9);

    assertThat(chunks).containsExactly("aaaa\nbbbb", "cccc");
  }

  @Test
  void elide_linesThatFit_unchanged() {
    List<String> lines = List.of("a", "b", "c");

    assertThat(LinePacker.elide(lines, 1, 6)).isSameAs(lines);
  }

  @Test
  void elide_tooManyLines_keepsTheStartAndTheFocusAndMarksTheGaps() {
    List<String> lines = numbered(1_000);

    List<String> kept = LinePacker.elide(lines, 600, 1_000);

    assertThat(kept).startsWith("line-0000").contains("line-0600", "line-0599", "line-0601");
    assertThat(kept).filteredOn(l -> l.contains("not shown")).hasSize(2);
    assertThat(String.join("\n", kept).length()).isLessThanOrEqualTo(1_000);
  }

  @Test
  void pack_anyInput_staysWithinChunkCountAndSizes() {
    List<String> lines =
        IntStream.range(0, 5_000).mapToObj(i -> "x".repeat(i % 700)).collect(Collectors.toList());

    List<String> chunks = LinePacker.pack(lines, 2_500, 3_000, 4, 9_000);

    assertThat(chunks)
        .hasSizeLessThanOrEqualTo(4)
        .allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(3_000));
    assertThat(chunks.stream().mapToInt(String::length).sum()).isLessThanOrEqualTo(9_000);
  }

  @Test
  void pack_noRoom_returnsNothing() {
    assertThat(LinePacker.pack(numbered(10), 0, 3_000, 0, 5_000)).isEmpty();
  }

  private static List<String> numbered(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("line-%04d", i))
        .collect(Collectors.toList());
  }
}
