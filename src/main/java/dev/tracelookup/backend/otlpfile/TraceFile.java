package dev.tracelookup.backend.otlpfile;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * One trace file as the index follows it: where it is now, what identifies it when it is renamed,
 * and how far its complete lines have been indexed. Changed only by the one thread that refreshes
 * the index, while it holds the index's write lock for the fields searches read ({@link #path}).
 */
final class TraceFile {
  final int id;

  /** The file's name now; a rotation renames it. */
  Path path;

  /** The file system's identity of the file (device and inode on Linux), or null where none. */
  final Object key;

  /** The offset after the last complete line indexed: where to read on from. */
  long indexedUpTo;

  long lastSize;
  FileTime lastModified;

  /** The CRC32 of the first {@link #headLength} bytes, to tell a reused inode from this file. */
  long headChecksum;

  int headLength;

  /** Why the file is not read at all (compressed, say), or null. */
  String refused;

  int warnings;
  // Line numbers for warnings, counted lazily: the number of newlines before countedUpTo.
  long countedUpTo;
  long newlinesCounted;

  TraceFile(int id, Path path, Object key, long size, FileTime modified) {
    this.id = id;
    this.path = path;
    this.key = key;
    this.lastSize = size;
    this.lastModified = modified;
  }
}
