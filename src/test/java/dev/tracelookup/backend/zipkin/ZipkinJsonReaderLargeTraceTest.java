package dev.tracelookup.backend.zipkin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process probe = new ProcessBuilder(List.of(java.toString(), "-Xmx24m", "-cp", System.getProperty("java.class.path"),
            ZipkinLargeTraceProbe.class.getName(), String.valueOf(SPANS)))
        .redirectErrorStream(true)
        .start();

    String output = new String(probe.getInputStream().readAllBytes(), UTF_8).strip();
    boolean exited = probe.waitFor(2, TimeUnit.MINUTES);

    assertThat(exited).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    assertThat(output).isEqualTo(String.valueOf(SPANS));
  }
}
