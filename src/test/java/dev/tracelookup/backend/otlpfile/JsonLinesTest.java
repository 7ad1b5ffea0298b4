package dev.tracelookup.backend.otlpfile;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

final class JsonLinesTest {

  @Test
  void next_linesWithAndWithoutFinalNewline_giveOffsetsAndNumbers() throws IOException {
    String text = "{\"a\":1}\n\n{\"b\":22}\r\n{\"c\":3}";

    List<String> lines = readAll(text, 1024);

    assertThat(lines)
        .containsExactly("1@0+7:{\"a\":1}", "2@8+0:", "3@9+9:{\"b\":22}\r", "4@19+7:{\"c\":3}");
  }

  @Test
  void next_lineLongerThanOneChunk_isKeptWhole() throws IOException {
    String longLine = "x".repeat(200_000);

    List<String> lines = readAll(longLine + "\nshort\n", 1 << 20);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).startsWith("1@0+200000:xxx");
    assertThat(lines.get(1)).isEqualTo("2@200001+5:short");
  }

  @Test
  void next_lineOverTheLimit_isMarkedTooLongAndTheNextLineIsIntact() throws IOException {
    String text = "a".repeat(100) + "\nok\n";

    try (JsonLines lines = new JsonLines(new ByteArrayInputStream(text.getBytes(UTF_8)), 50)) {
      lines.next();
      boolean firstTooLong = lines.isTooLong();
      lines.next();

      assertThat(firstTooLong).isTrue();
      assertThat(lines.isTooLong()).isFalse();
      assertThat(lines.offset()).isEqualTo(101);
      assertThat(new String(lines.bytes(), 0, lines.length(), UTF_8)).isEqualTo("ok");
    }
  }

  @Test
  void isBlank_whitespaceOnlyLine_isTrue() throws IOException {
    try (JsonLines lines =
        new JsonLines(new ByteArrayInputStream(" \t\r\n{}".getBytes(UTF_8)), 100)) {
      lines.next();
      boolean blank = lines.isBlank();
      lines.next();

      assertThat(blank).isTrue();
      assertThat(lines.isBlank()).isFalse();
      assertThat(lines.next()).isFalse();
    }
  }

  private static List<String> readAll(String text, int maxLineBytes) throws IOException {
    List<String> result = new ArrayList<>();
    try (JsonLines lines =
        new JsonLines(new ByteArrayInputStream(text.getBytes(UTF_8)), maxLineBytes)) {
      while (lines.next()) {
        String content = new String(Arrays.copyOf(lines.bytes(), lines.length()), UTF_8);
        result.add(
            lines.lineNumber() + "@" + lines.offset() + "+" + lines.length() + ":" + content);
      }
    }
    return result;
  }
}
