package dev.tracelookup.backend.otlpfile;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a stream line by line and knows where each line starts in bytes, so the line can be read
 * again later. A line longer than the limit is passed over without being held in memory.
 */
final class JsonLines implements Closeable {
  private static final int CHUNK_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private int chunkPosition;
  private int chunkLength;
  private byte[] line = new byte[8 * 1024];
  private long lineLength;
  private long lineOffset;
  private long nextOffset;
  private long lineNumber;

  JsonLines(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line; returns false at the end of the stream. */
  boolean next() throws IOException {
    lineOffset = nextOffset;
    lineLength = 0;
    boolean started = false;
    while (fillChunk()) {
      started = true;
      if (consumeUpToNewline()) {
        lineNumber++;
        return true;
      }
    }
    if (started) {
      lineNumber++;
    }
    return started;
  }

  /** Returns the 1-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** Returns the byte offset in the stream where the current line starts. */
  long offset() {
    return lineOffset;
  }

  /** Returns the current line's length in bytes, without its newline. */
  int length() {
    return (int) Math.min(lineLength, Integer.MAX_VALUE);
  }

  /** Returns whether the current line was longer than the limit; its bytes were not kept. */
  boolean isTooLong() {
    return lineLength > maxLineBytes;
  }

  /** Returns the buffer holding the current line in its first {@link #length()} bytes. */
  byte[] bytes() {
    return line;
  }

  /** Returns whether the current line holds only whitespace. */
  boolean isBlank() {
    if (isTooLong()) {
      return false;
    }
    for (int i = 0; i < lineLength; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fillChunk() throws IOException {
    if (chunkPosition < chunkLength) {
      return true;
    }
    chunkLength = Math.max(0, in.read(chunk));
    chunkPosition = 0;
    return chunkLength > 0;
  }

  /** Takes bytes from the chunk into the line; returns true when the line's newline was reached. */
  private boolean consumeUpToNewline() {
    int end = chunkPosition;
    while (end < chunkLength && chunk[end] != '\n') {
      end++;
    }
    append(chunkPosition, end - chunkPosition);
    boolean newline = end < chunkLength;
    nextOffset += end - chunkPosition + (newline ? 1 : 0);
    chunkPosition = newline ? end + 1 : end;
    return newline;
  }

  private void append(int from, int count) {
    long newLength = lineLength + count;
    if (newLength <= maxLineBytes) {
      if (newLength > line.length) {
        line =
            Arrays.copyOf(
                line, (int) Math.min(maxLineBytes, Math.max(newLength, 2L * line.length)));
      }
      System.arraycopy(chunk, from, line, (int) lineLength, count);
    }
    lineLength = newLength;
  }
}
