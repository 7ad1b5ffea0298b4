package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class PrintStreamSinkTest {
  @Test
  void write_streamTakesIt_isOneLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    new PrintStreamSink(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .write("{\"event\":\"lookup\"}");

    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("{\"event\":\"lookup\"}" + System.lineSeparator());
  }

  /** A closed pipe or a full disk behind standard output: PrintStream would swallow it. */
  @Test
  void write_streamRefuses_throwsSoTheLineIsNotCountedAsAudited() {
    OutputStream closedPipe =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("Broken pipe");
          }
        };

    assertThatThrownBy(
            () ->
                new PrintStreamSink(new PrintStream(closedPipe, true, StandardCharsets.UTF_8))
                    .write("{\"event\":\"lookup\"}"))
        .isInstanceOf(UncheckedIOException.class);
  }
}
