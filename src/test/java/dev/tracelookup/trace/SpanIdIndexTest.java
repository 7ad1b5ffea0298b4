package dev.tracelookup.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class SpanIdIndexTest {

  @Test
  void putIfAbsent_idAlreadyPut_keepsFirstOrdinal() {
    SpanIdIndex index = new SpanIdIndex(2);
    index.putIfAbsent("00f067aa0ba902b7", 0);

    int ordinal = index.putIfAbsent("00f067aa0ba902b7", 1);

    assertThat(ordinal).isZero();
    assertThat(index.get("00f067aa0ba902b7")).isZero();
  }

  @Test
  void get_idsOfEveryForm_findsEachAndNoOther() {
    SpanIdIndex index = new SpanIdIndex(3);
    index.putIfAbsent("ffffffffffffffff", 0);
    index.putIfAbsent("span-b", 1);
    index.putIfAbsent("00000000000000ab", 2);

    int[] found = {
      index.get("ffffffffffffffff"), index.get("span-b"), index.get("00000000000000ab"),
      index.get("00000000000000AB"), index.get("ab"), index.get("00000000000000ac")
    };

    assertThat(found).containsExactly(0, 1, 2, -1, -1, -1);
  }

  @Test
  void putIfAbsent_asManyIdsAsSized_findsEvery() {
    SpanIdIndex index = new SpanIdIndex(1000);
    for (int i = 0; i < 1000; i++) {
      index.putIfAbsent(TestSpans.id(Integer.toHexString(i * 4096 + 1)), i);
    }

    int misplaced = 0;
    for (int i = 0; i < 1000; i++) {
      misplaced += index.get(TestSpans.id(Integer.toHexString(i * 4096 + 1))) == i ? 0 : 1;
    }

    assertThat(misplaced).isZero();
  }
}
