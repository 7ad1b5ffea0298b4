package dev.tracelookup.backend.jaeger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.SmallHeapProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-span answer, processes last as Jaeger writes them, is read by the streaming reader in a
 * heap smaller than the answer itself: only the spans are kept, never the document.
 */
final class V1LargeTraceTest {
  private static final int SPANS = 100_000;
  private static final int HEAP_MIB = 64;

  @Test
  void generatedAnswer_isLargerThanTheProbeHeap() throws IOException {
    long bytes;

    try (InputStream answer = new GeneratedV1TraceStream(SPANS)) {
      bytes = answer.transferTo(OutputStream.nullOutputStream());
    }

    assertThat(bytes).isGreaterThan(HEAP_MIB * 1024L * 1024L);
  }

  @Test
  void read_hundredThousandSpansInASmallerHeap_readsEverySpanWithItsService() throws Exception {
    SmallHeapProbe.Run probe =
        SmallHeapProbe.run(V1LargeTraceProbe.class, HEAP_MIB, String.valueOf(SPANS));

    assertThat(probe.exited()).isTrue();
    assertThat(probe.exitValue()).as(probe.output()).isZero();
    assertThat(probe.output()).isEqualTo(SPANS + " order-svc");
  }
}
