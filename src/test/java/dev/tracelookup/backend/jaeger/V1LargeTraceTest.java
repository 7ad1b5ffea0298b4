package dev.tracelookup.backend.jaeger;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-Xmx" + HEAP_MIB + "m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    V1LargeTraceProbe.class.getName(),
                    String.valueOf(SPANS)))
            .redirectErrorStream(true)
            .start();

    String output = new String(probe.getInputStream().readAllBytes(), UTF_8).strip();
    boolean exited = probe.waitFor(2, TimeUnit.MINUTES);

    assertThat(exited).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output).isEqualTo(SPANS + " order-svc");
  }
}
