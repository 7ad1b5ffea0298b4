package dev.tracelookup.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends audit lines to a file, rotating by size: before a line would take the file past {@code
 * maxBytes}, {@code audit.jsonl} becomes {@code audit.jsonl.1}, {@code .1} becomes {@code .2}, and
 * so on up to {@code keep}; the oldest is dropped. Size-based so disk use is bounded whatever the
 * traffic.
 */
public final class RotatingFileSink implements AuditSink {
  private final Path file;
  private final long maxBytes;
  private final int keep;

  public RotatingFileSink(Path file, long maxBytes, int keep) {
    if (maxBytes < 1 || keep < 1) {
      throw new IllegalArgumentException("maxBytes and keep must be positive");
    }
    this.file = file;
    this.maxBytes = maxBytes;
    this.keep = keep;
  }

  @Override
  public synchronized void write(String line) {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.exists(file)
          && Files.size(file) > 0
          && Files.size(file) + bytes.length > maxBytes) {
        rotate();
      }
      Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException failed) {
      throw new UncheckedIOException("cannot write the audit log " + file, failed);
    }
  }

  private void rotate() throws IOException {
    Files.deleteIfExists(numbered(keep));
    for (int i = keep - 1; i >= 1; i--) {
      if (Files.exists(numbered(i))) {
        Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
  }

  private Path numbered(int index) {
    return file.resolveSibling(file.getFileName() + "." + index);
  }
}
