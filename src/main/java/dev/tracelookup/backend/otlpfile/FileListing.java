package dev.tracelookup.backend.otlpfile;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The trace files ({@code *.jsonl}, {@code *.json}) of a directory, not its subdirectories. */
final class FileListing {
  private FileListing() {}

  /**
   * One file as listed.
   *
   * @param key the file system's identity of the file, which a rename keeps, or null
   */
  record Listed(Path path, Object key, long size, FileTime modified) {}

  /**
   * Returns the directory's trace files, sorted by name: the file exporter's rotated files ({@code
   * traces-2026-02-06T12-00-00.000.json}) sort before the file it writes to.
   *
   * @throws IOException when the directory is missing or cannot be listed
   */
  static List<Listed> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new FileNotFoundException(
          "OTLP trace directory not found: " + directory.toAbsolutePath());
    }
    List<Listed> files = new ArrayList<>();
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(directory, FileListing::isTraceFile)) {
      for (Path path : entries) {
        try {
          BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
          if (attributes.isRegularFile()) {
            files.add(
                new Listed(
                    path, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime()));
          }
        } catch (NoSuchFileException goneSinceListed) {
          // Deleted or rotated away between listing and reading: the next refresh sees it right.
        }
      }
    } catch (IOException unreadable) {
      throw new IOException(
          "cannot list the OTLP trace directory " + directory.toAbsolutePath() + ": " + unreadable,
          unreadable);
    }
    files.sort(Comparator.comparing(listed -> listed.path().getFileName().toString()));
    return files;
  }

  private static boolean isTraceFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".json");
  }
}
