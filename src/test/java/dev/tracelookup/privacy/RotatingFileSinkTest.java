package dev.tracelookup.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RotatingFileSinkTest {
  @TempDir Path dir;

  @Test
  void write_underTheLimit_appendsLines() throws Exception {
    Path file = dir.resolve("logs/audit.jsonl");
    RotatingFileSink sink = new RotatingFileSink(file, 1024, 2);

    sink.write("{\"n\":1}");
    sink.write("{\"n\":2}");

    assertThat(Files.readAllLines(file)).containsExactly("{\"n\":1}", "{\"n\":2}");
  }

  @Test
  void write_pastTheLimit_rotatesAndKeepsOnlyTheNewest() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    RotatingFileSink sink = new RotatingFileSink(file, 10, 2);

    for (int n = 1; n <= 4; n++) {
      sink.write("line-" + n + "xx");
    }

    assertThat(Files.readAllLines(file)).containsExactly("line-4xx");
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl.1"))).containsExactly("line-3xx");
    assertThat(Files.readAllLines(dir.resolve("audit.jsonl.2"))).containsExactly("line-2xx");
    assertThat(dir.resolve("audit.jsonl.3")).doesNotExist();
  }

  @Test
  void write_lineLargerThanTheLimit_stillWritesItAlone() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    RotatingFileSink sink = new RotatingFileSink(file, 4, 1);

    sink.write("a-very-long-line");

    assertThat(Files.readAllLines(file)).containsExactly("a-very-long-line");
  }
}
