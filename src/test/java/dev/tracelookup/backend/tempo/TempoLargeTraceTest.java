package dev.tracelookup.backend.tempo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.SmallHeapProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-span trace goes from Tempo's socket into the model without the answer ever being held
 * whole.
 */
final class TempoLargeTraceTest {
  private static final int SPANS = 100_000;
  private static final int PROBE_HEAP_MIB = 128;

  @Test
  void generatedAnswer_isLargerThanTheProbeHeap() throws IOException {
    long bytes;

    try (InputStream answer = new TempoTraceStream(SPANS)) {
      bytes = answer.transferTo(OutputStream.nullOutputStream());
    }

    assertThat(bytes).isGreaterThan(PROBE_HEAP_MIB * 1024L * 1024L);
  }

  @Test
  void fetch_hundredThousandSpansInA128MiBHeap_readsEverySpanAndThePartialStatus()
      throws Exception {
    SmallHeapProbe.Run probe =
        SmallHeapProbe.run(LargeTempoTraceProbe.class, PROBE_HEAP_MIB, String.valueOf(SPANS));

    assertThat(probe.exited()).isTrue();
    assertThat(probe.exitValue()).as(probe.output()).isZero();
    assertThat(probe.output()).endsWith(SPANS + " partial");
  }
}
