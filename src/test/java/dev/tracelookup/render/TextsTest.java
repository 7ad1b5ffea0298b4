package dev.tracelookup.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TextsTest {

  @Test
  void shortId_128BitId_keepsItsFirstEightCharacters() {
    assertThat(Texts.shortId("4bf92f3577b34da6a3ce929d0e0e4736")).isEqualTo("4bf92f35…");
  }

  @Test
  void shortId_64BitIdPaddedTo32_namesTheSignificantHalf() {
    assertThat(Texts.shortId("0000000000000000463ac35c9f6413ad")).isEqualTo("463ac35c…");
  }

  @Test
  void shortId_64BitIdUnpadded_keepsItsFirstEightCharacters() {
    assertThat(Texts.shortId("463ac35c9f6413ad")).isEqualTo("463ac35c…");
  }

  @Test
  void shortId_128BitIdWithSomeLeadingZeros_isNotMistakenForA64BitOne() {
    assertThat(Texts.shortId("00000000a3ce929d0e0e473600000000")).isEqualTo("00000000…");
  }

  @Test
  void shortId_shortOrOddIds_shownWholeOnOneLine() {
    assertThat(Texts.shortId("abc123")).isEqualTo("abc123");
    assertThat(Texts.shortId("abc\n123")).isEqualTo("abc 123");
  }
}
