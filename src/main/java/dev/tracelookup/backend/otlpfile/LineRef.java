package dev.tracelookup.backend.otlpfile;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/** Where one line of a JSON Lines file is: its file, the byte offset it starts at, its length. */
record LineRef(Path file, long offset, int length) {
  LineRef {
    Objects.requireNonNull(file, "file");
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad line position " + offset + "+" + length);
    }
  }

  /** Reads the line's bytes again; positional reads keep this safe for concurrent callers. */
  byte[] read() throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new EOFException(file + " is shorter than when it was indexed");
        }
      }
      return buffer.array();
    }
  }
}
