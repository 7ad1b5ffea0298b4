package dev.tracelookup.backend.tempo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A 100,000-span trace goes from Tempo's socket into the model without the answer ever being held whole. */
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
  void fetch_hundredThousandSpansInA128MiBHeap_readsEverySpanAndThePartialStatus() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe = new ProcessBuilder(List.of(java.toString(), "-Xmx" + PROBE_HEAP_MIB + "m", "-cp",
        System.getProperty("java.class.path"), LargeTempoTraceProbe.class.getName(), String.valueOf(SPANS)))
        .redirectErrorStream(true)
        .start();

    String output = new String(probe.getInputStream().readAllBytes(), UTF_8).strip();
    boolean exited = probe.waitFor(2, TimeUnit.MINUTES);

    assertThat(exited).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output).endsWith(SPANS + " partial");
  }
}
