package dev.tracelookup.backend.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracelookup.testing.SmallHeapProbe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

final class ZipkinJsonReaderLargeTraceTest {
  private static final int SPANS = 100_000;

  @Test
  void generatedTrace_isLargerThanTheProbeHeap() throws IOException {
    long bytes;

    try (InputStream trace = new GeneratedZipkinTrace(SPANS)) {
      bytes = trace.transferTo(OutputStream.nullOutputStream());
    }

    assertThat(bytes).isGreaterThan(2L * 24 * 1024 * 1024);
  }

  @Test
  void readTraceList_hundredThousandSpansInA24MiBHeap_readsEverySpan() throws Exception {
    SmallHeapProbe.Run probe =
        SmallHeapProbe.run(ZipkinLargeTraceProbe.class, 24, String.valueOf(SPANS));

    assertThat(probe.exited()).isTrue();
    assertThat(probe.exitValue()).as(probe.output()).isZero();
    assertThat(probe.output()).isEqualTo(String.valueOf(SPANS));
  }
}
