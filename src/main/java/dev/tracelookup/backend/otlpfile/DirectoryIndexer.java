package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.backend.otlp.OtlpFormatException;
import dev.tracelookup.backend.otlp.OtlpJsonReader;
import dev.tracelookup.trace.Span;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the index from a directory of OTLP JSON Lines files ({@code *.jsonl}, {@code *.json}), one
 * {@code TracesData} document per line. A line that cannot be read is left out, counted and logged
 * with its file and line number; the log never quotes the line, which holds customer data.
 */
final class DirectoryIndexer {
  /** Collector batches are a few MiB; a line past this is not a batch and is left out. */
  static final int MAX_LINE_BYTES = 64 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIndexer.class);

  /** A file that is not JSON Lines at all would otherwise log every one of its lines. */
  private static final int WARNINGS_PER_FILE = 10;

  private final OtlpJsonReader reader;
  private final List<String> userAttributeKeys;
  private final int maxLineBytes;

  DirectoryIndexer(OtlpJsonReader reader, List<String> userAttributeKeys, int maxLineBytes) {
    this.reader = reader;
    this.userAttributeKeys = List.copyOf(userAttributeKeys);
    this.maxLineBytes = maxLineBytes;
  }

  /**
   * Returns the trace files of the directory, sorted by name.
   *
   * @throws IOException when the directory is missing or unreadable, or holds no trace files
   */
  static List<Path> traceFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new FileNotFoundException(
          "OTLP trace directory not found: " + directory.toAbsolutePath());
    }
    List<Path> files;
    try (Stream<Path> entries = Files.list(directory)) {
      files = entries.filter(DirectoryIndexer::isTraceFile).sorted().toList();
    } catch (IOException unreadable) {
      throw new IOException(
          "cannot list the OTLP trace directory " + directory.toAbsolutePath() + ": " + unreadable,
          unreadable);
    }
    if (files.isEmpty()) {
      throw new FileNotFoundException(
          "no *.jsonl or *.json files in the OTLP trace directory " + directory.toAbsolutePath());
    }
    return files;
  }

  TraceIndex index(List<Path> files) throws IOException {
    IndexBuilder builder = new IndexBuilder(userAttributeKeys);
    for (Path file : files) {
      indexFile(file, builder);
      builder.fileRead();
    }
    return builder.build();
  }

  private void indexFile(Path file, IndexBuilder builder) throws IOException {
    int skipped = 0;
    try (JsonLines lines = new JsonLines(Files.newInputStream(file), maxLineBytes)) {
      while (lines.next()) {
        Optional<String> problem =
            lines.isBlank() ? Optional.empty() : indexLine(file, lines, builder);
        if (problem.isPresent()) {
          builder.lineSkipped();
          if (++skipped <= WARNINGS_PER_FILE) {
            LOG.warn("Skipped line {} of {}: {}", lines.lineNumber(), file, problem.get());
          }
        }
      }
    }
    if (skipped > WARNINGS_PER_FILE) {
      LOG.warn("Skipped {} lines of {} in all", skipped, file);
    }
  }

  /** Indexes one line, all or nothing; returns why it could not be read. */
  private Optional<String> indexLine(Path file, JsonLines lines, IndexBuilder builder) {
    if (lines.isTooLong()) {
      return Optional.of("longer than " + maxLineBytes + " bytes");
    }
    List<Span> spans = new ArrayList<>();
    try {
      reader.read(lines.bytes(), 0, lines.length(), spans::add);
    } catch (OtlpFormatException malformed) {
      return Optional.of(malformed.getMessage());
    }
    builder.addLine(new LineRef(file, lines.offset(), lines.length()), spans);
    return Optional.empty();
  }

  private static boolean isTraceFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return (name.endsWith(".jsonl") || name.endsWith(".json")) && Files.isRegularFile(path);
  }
}
