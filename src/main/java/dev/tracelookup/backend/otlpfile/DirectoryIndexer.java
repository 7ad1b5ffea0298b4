package dev.tracelookup.backend.otlpfile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import dev.tracelookup.backend.json.JsonShapeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the complete OTLP JSON lines of a file from where its last complete line ended: reads the
 * file in chunks, cuts each chunk after its last newline, and runs one parser over all the
 * documents in it, so the bytes are tokenised once and no line is copied.
 *
 * <p>A line is complete when it ends with a newline, or when it is a whole JSON document at the end
 * of the file (a file written by hand without a final newline). A half-written last line is left
 * for the next refresh, which starts from its first byte. A line that cannot be read is left out,
 * counted and logged with its file and line number; the log never quotes the line, which holds
 * customer data.
 */
final class DirectoryIndexer {
  /** Collector batches are a few MiB; a line past this is not a batch and is left out. */
  static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIndexer.class);
  private static final int CHUNK_BYTES = 1024 * 1024;

  /** A file that is not JSON Lines at all would otherwise log every one of its lines. */
  private static final int WARNINGS_PER_FILE = 10;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .build();

  private final FactReader reader;
  private final int maxLineBytes;
  private final LineFacts facts = new LineFacts();
  private byte[] chunk;

  DirectoryIndexer(FactReader reader, int maxLineBytes) {
    this.reader = reader;
    this.maxLineBytes = maxLineBytes;
    this.chunk = new byte[Math.min(CHUNK_BYTES, maxLineBytes + 1)];
  }

  /**
   * Indexes the file's complete lines after {@link TraceFile#indexedUpTo} into the table, holding
   * the lock while it parses each chunk, and moves {@code indexedUpTo} past them.
   *
   * @return how many lines were left out as unreadable
   * @throws IOException when the file cannot be read
   */
  int index(TraceFile file, TraceTable table, Lock lock) throws IOException {
    Scan scan = new Scan(file, table);
    try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
      long size = channel.size();
      while (file.indexedUpTo < size && scanChunk(channel, size, scan, lock)) {
        // Each chunk moves indexedUpTo on; a pending last line stops the loop.
      }
    } finally {
      chunk = chunk.length > CHUNK_BYTES ? new byte[CHUNK_BYTES] : chunk;
    }
    if (scan.skipped > scan.logged) {
      LOG.warn("Skipped {} lines of {} in all", scan.skipped, file.path);
    }
    return scan.skipped;
  }

  /** Indexes one chunk; returns false when the rest of the file is a line still being written. */
  private boolean scanChunk(FileChannel channel, long size, Scan scan, Lock lock)
      throws IOException {
    TraceFile file = scan.file;
    long position = file.indexedUpTo;
    int length = read(channel, position, (int) Math.min(chunk.length, size - position));
    boolean atEnd = position + length == size;
    int limit = atEnd ? length : lastNewline(length) + 1;
    if (limit == 0) {
      return longLine(channel, position + length, scan);
    }
    int consumed;
    lock.lock();
    try {
      consumed = parse(limit, scan);
    } finally {
      lock.unlock();
    }
    file.indexedUpTo = position + consumed;
    return consumed == limit && !atEnd;
  }

  /** A chunk without a newline: a longer line; the chunk grows up to the line limit. */
  private boolean longLine(FileChannel channel, long searchFrom, Scan scan) throws IOException {
    if (chunk.length <= maxLineBytes) {
      chunk = new byte[(int) Math.min((long) chunk.length * 2, maxLineBytes + 1L)];
      return true;
    }
    long newline = nextNewline(channel, searchFrom);
    if (newline < 0) {
      return false;
    }
    skipped(scan, scan.file.indexedUpTo, "longer than " + maxLineBytes + " bytes");
    scan.file.indexedUpTo = newline + 1;
    return true;
  }

  /**
   * Parses the documents in {@code chunk[0, limit)}, adding each whole one to the table; returns
   * how many bytes were consumed, which stops short only at a last line still being written.
   */
  private int parse(int limit, Scan scan) throws IOException {
    int from = 0;
    while (true) {
      from = skipWhitespace(from, limit);
      if (from >= limit) {
        return limit;
      }
      int documentStart = from;
      try (JsonParser parser = FACTORY.createParser(chunk, from, limit - from)) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          documentStart = from + (int) parser.currentTokenLocation().getByteOffset();
          if (token != JsonToken.START_OBJECT) {
            throw new MalformedLine("not a JSON object");
          }
          reader.read(parser, chunk, from, facts);
          int end = from + (int) parser.currentLocation().getByteOffset();
          long offset = scan.file.indexedUpTo + documentStart;
          scan.table.add(scan.table.addLine(scan.file.id, offset, end - documentStart), facts);
          documentStart = skipWhitespace(end, limit);
        }
        return limit;
      } catch (IOException unreadable) {
        int newline = indexOf((byte) '\n', documentStart, limit);
        if (newline < 0) {
          return documentStart;
        }
        skipped(scan, scan.file.indexedUpTo + documentStart, problem(unreadable));
        from = newline + 1;
      }
    }
  }

  private void skipped(Scan scan, long offset, String problem) throws IOException {
    scan.skipped++;
    if (scan.file.warnings < WARNINGS_PER_FILE) {
      scan.file.warnings++;
      scan.logged++;
      LOG.warn("Skipped line {} of {}: {}", lineNumber(scan.file, offset), scan.file.path, problem);
    }
  }

  /**
   * Returns a Jackson failure as a category: Jackson's own message quotes the offending token,
   * which may be customer data.
   */
  private static String problem(IOException unreadable) {
    if (unreadable instanceof MalformedLine || unreadable instanceof JsonShapeException) {
      // Both name what was expected and where, never the input.
      return unreadable.getMessage();
    }
    if (unreadable instanceof JsonEOFException) {
      return "the JSON ends early";
    }
    if (unreadable instanceof StreamConstraintsException) {
      return "the JSON exceeds a reader limit";
    }
    if (unreadable instanceof InputCoercionException) {
      return "a number is out of range";
    }
    return "not valid JSON";
  }

  /** Returns the 1-based number of the line at the offset, counting on from the last count. */
  private long lineNumber(TraceFile file, long offset) throws IOException {
    if (offset < file.countedUpTo) {
      file.countedUpTo = 0;
      file.newlinesCounted = 0;
    }
    try (FileChannel channel = FileChannel.open(file.path, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
      while (file.countedUpTo < offset) {
        buffer.clear().limit((int) Math.min(buffer.capacity(), offset - file.countedUpTo));
        int read = channel.read(buffer, file.countedUpTo);
        if (read <= 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          file.newlinesCounted += buffer.get(i) == '\n' ? 1 : 0;
        }
        file.countedUpTo += read;
      }
    }
    return file.newlinesCounted + 1;
  }

  private int read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        break;
      }
    }
    return buffer.position();
  }

  private static long nextNewline(FileChannel channel, long from) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    for (long position = from; ; ) {
      buffer.clear();
      int read = channel.read(buffer, position);
      if (read <= 0) {
        return -1;
      }
      for (int i = 0; i < read; i++) {
        if (buffer.get(i) == '\n') {
          return position + i;
        }
      }
      position += read;
    }
  }

  private int lastNewline(int length) {
    for (int i = length - 1; i >= 0; i--) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private int indexOf(byte wanted, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (chunk[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private int skipWhitespace(int from, int limit) {
    int i = from;
    while (i < limit
        && (chunk[i] == ' ' || chunk[i] == '\n' || chunk[i] == '\r' || chunk[i] == '\t')) {
      i++;
    }
    return i;
  }

  /** One file's scan: where it goes and what was left out. */
  private static final class Scan {
    final TraceFile file;
    final TraceTable table;
    int skipped;
    int logged;

    Scan(TraceFile file, TraceTable table) {
      this.file = file;
      this.table = table;
    }
  }
}
