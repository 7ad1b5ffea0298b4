package dev.tracelookup.backend.otlpfile;

import dev.tracelookup.trace.TraceIds;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The index of a directory the collector keeps writing to, brought up to date by {@link #refresh}:
 * lines appended to a file, new files, files renamed by rotation, files truncated, replaced or
 * deleted, and traces past the maximum age.
 *
 * <p>Files are told apart by the file system's key (device and inode), which a rename keeps, so a
 * rotated file is followed under its new name and never read twice. An inode can be reused once its
 * file is deleted, and the collector deletes old backups as it rotates, so a file is also checked
 * against a checksum of its first bytes whenever its size or time changed: a different head is a
 * different file. (Content alone would not do: collector lines start alike, and a file can be
 * renamed before its first line is complete.) Where the file system has no keys, the path stands
 * in.
 *
 * <p>One thread refreshes at a time; searches run concurrently under a read lock, and wait only
 * while a chunk of new lines is parsed into the table.
 */
final class LiveIndex {
  private static final Logger LOG = LoggerFactory.getLogger(LiveIndex.class);
  private static final int HEAD_BYTES = 4096;
  private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD};

  private final Path directory;
  private final DirectoryIndexer indexer;
  private final Vocabulary vocabulary;
  private final OtlpFileOptions options;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // Guarded by lock: the table, and the files by number, whose paths searches read.
  private TraceTable table;
  private final Map<Integer, TraceFile> files = new HashMap<>();
  private int nextFileId;
  private volatile int skippedLines;

  LiveIndex(
      Path directory,
      FactReader reader,
      Vocabulary vocabulary,
      OtlpFileOptions options,
      Clock clock,
      int maxLineBytes) {
    this.directory = directory;
    this.indexer = new DirectoryIndexer(reader, maxLineBytes);
    this.vocabulary = vocabulary;
    this.options = options;
    this.clock = clock;
    this.table = new TraceTable(vocabulary, 1024);
  }

  /**
   * Brings the index up to date with the directory.
   *
   * @return what changed
   * @throws IOException when the directory cannot be listed; a file that cannot be read is logged
   *     and tried again on the next refresh
   */
  synchronized Refresh refresh() throws IOException {
    List<FileListing.Listed> listed = deleteExpired(FileListing.list(directory));
    Map<Object, TraceFile> known = new HashMap<>();
    files.values().forEach(file -> known.put(identity(file.key, file.path), file));
    List<TraceFile> grown = new ArrayList<>();
    List<TraceFile> gone = new ArrayList<>();
    int added = 0;
    for (FileListing.Listed entry : listed) {
      TraceFile file = known.remove(identity(entry.key(), entry.path()));
      if (file != null && !isSameFile(file, entry)) {
        LOG.info("{} was truncated or replaced; indexing it again", entry.path());
        gone.add(file);
        file = null;
      }
      if (file == null) {
        file = remember(entry);
        added++;
      } else if (!file.path.equals(entry.path())) {
        LOG.info("{} was renamed to {}", file.path, entry.path());
        rename(file, entry.path());
      }
      file.lastSize = entry.size();
      file.lastModified = entry.modified();
      if (file.refused == null && entry.size() > file.indexedUpTo) {
        grown.add(file);
      }
    }
    for (TraceFile file : known.values()) {
      LOG.info("{} is gone; its traces are dropped from the index", file.path);
      gone.add(file);
    }
    int before = traceCount();
    for (TraceFile file : grown) {
      index(file);
    }
    boolean dropped = compact(gone);
    return new Refresh(added, grown.size(), traceCount() - before, dropped);
  }

  /** Returns the traces carrying the user ID that have not expired, newest first. */
  List<IndexedTrace> tracesOf(String userId) {
    return read(table -> table.tracesOf(userId, notEndedBefore(), this::path));
  }

  /**
   * Returns the unexpired traces overlapping the window that have a failing span, a span of the
   * service and one of the name, the earliest {@code max} by start.
   */
  List<IndexedTrace> failingWith(String service, String name, Instant from, Instant to, int max) {
    // The vocabulary grows while indexing: read it under the same lock as the table.
    return read(
        table -> {
          Optional<Integer> serviceId = vocabulary.knownNameId(service);
          Optional<Integer> nameId = vocabulary.knownNameId(name);
          if (serviceId.isEmpty() || nameId.isEmpty()) {
            return List.<IndexedTrace>of();
          }
          return table.failingWith(
              Vocabulary.service(serviceId.get()),
              Vocabulary.spanName(nameId.get()),
              IndexedTrace.epochNanos(from),
              IndexedTrace.epochNanos(to),
              notEndedBefore(),
              max,
              this::path);
        });
  }

  /** Returns the unexpired traces with a span linking into the trace, newest first. */
  List<IndexedTrace> tracesLinkingTo(String traceId) {
    long[] id = TraceIdBits.parse(TraceIds.traceId(traceId));
    return id == null
        ? List.of()
        : read(table -> table.tracesLinkingTo(id[0], id[1], notEndedBefore(), this::path));
  }

  Optional<IndexedTrace> trace(String traceId) {
    long[] id = TraceIdBits.parse(TraceIds.traceId(traceId));
    return id == null
        ? Optional.empty()
        : read(table -> table.trace(id[0], id[1], notEndedBefore(), this::path));
  }

  int traceCount() {
    return read(TraceTable::traceCount);
  }

  int fileCount() {
    return read(table -> files.size());
  }

  int skippedLines() {
    return skippedLines;
  }

  /** What one refresh changed. */
  record Refresh(int newFiles, int grownFiles, int traceCountChange, boolean dropped) {}

  private <T> T read(Function<TraceTable, T> query) {
    lock.readLock().lock();
    try {
      return query.apply(table);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void index(TraceFile file) {
    try {
      if (file.indexedUpTo == 0 && isCompressed(file.path)) {
        file.refused = "compressed";
        LOG.warn(
            "{} is compressed with zstd and is left out: the otlp-file backend reads plain JSON"
                + " lines; remove `compression: zstd` from the collector's file exporter",
            file.path);
        return;
      }
      skippedLines += indexer.index(file, table, lock.writeLock());
      rememberHead(file);
    } catch (NoSuchFileException renamedOrDeleted) {
      // Rotated or deleted while being read: the next refresh finds it under its new name.
      LOG.debug("{} went while being read; it is read again on the next refresh", file.path);
    } catch (IOException unreadable) {
      LOG.warn(
          "{} cannot be read; it is tried again on the next refresh: {}",
          file.path,
          unreadable.toString());
    }
  }

  /**
   * Deletes, when so configured, the files last written before the maximum age, except the file
   * written last: the collector may still hold it open, and writes to a deleted file are lost.
   */
  private List<FileListing.Listed> deleteExpired(List<FileListing.Listed> listed) {
    if (!options.deleteExpired() || listed.size() < 2) {
      return listed;
    }
    Instant cutoff = clock.instant().minus(options.maxAge().orElseThrow());
    FileListing.Listed newest =
        listed.stream().max(Comparator.comparing(FileListing.Listed::modified)).orElseThrow();
    List<FileListing.Listed> kept = new ArrayList<>();
    for (FileListing.Listed entry : listed) {
      if (entry != newest && entry.modified().toInstant().isBefore(cutoff)) {
        try {
          Files.deleteIfExists(entry.path());
          LOG.info(
              "Deleted {}, last written {}, past backend.max-age", entry.path(), entry.modified());
          continue;
        } catch (IOException undeletable) {
          LOG.warn("Could not delete expired {}: {}", entry.path(), undeletable.toString());
        }
      }
      kept.add(entry);
    }
    return kept;
  }

  /**
   * Copies the table without the lines of the files that are gone and without the expired traces,
   * when there is something to drop; returns whether it did. Expired traces are hidden from
   * searches at once; the copy waits until the oldest is a tenth of the maximum age past it, so a
   * steady trickle of expiring traces does not copy the table on every refresh.
   */
  private boolean compact(List<TraceFile> gone) {
    long cutoff = notEndedBefore();
    long slack = options.maxAge().map(age -> age.dividedBy(10).toNanos()).orElse(0L);
    boolean expired = cutoff != Long.MIN_VALUE && table.oldestEnd() < cutoff - slack;
    if (gone.isEmpty() && !expired) {
      return false;
    }
    // One critical section: a search must never meet a line whose file is no longer known.
    lock.writeLock().lock();
    try {
      gone.forEach(file -> files.remove(file.id));
      int before = table.traceCount();
      table = table.compact(files::containsKey, cutoff);
      LOG.info(
          "Dropped {} traces from the index; {} remain",
          before - table.traceCount(),
          table.traceCount());
    } finally {
      lock.writeLock().unlock();
    }
    return true;
  }

  /** Returns the earliest end, in nanoseconds since the epoch, of a trace that has not expired. */
  private long notEndedBefore() {
    return options
        .maxAge()
        .map(age -> IndexedTrace.epochNanos(clock.instant().minus(age)))
        .orElse(Long.MIN_VALUE);
  }

  private boolean isSameFile(TraceFile file, FileListing.Listed entry) throws IOException {
    if (entry.size() < file.indexedUpTo) {
      return false;
    }
    if (file.headLength == 0
        || (file.path.equals(entry.path())
            && file.lastSize == entry.size()
            && file.lastModified.equals(entry.modified()))) {
      return true;
    }
    try {
      return checksum(entry.path(), file.headLength) == file.headChecksum;
    } catch (NoSuchFileException gone) {
      return false;
    }
  }

  private void rememberHead(TraceFile file) throws IOException {
    int length = (int) Math.min(HEAD_BYTES, file.indexedUpTo);
    if (length > file.headLength) {
      file.headChecksum = checksum(file.path, length);
      file.headLength = length;
    }
  }

  private static long checksum(Path path, int length) throws IOException {
    ByteBuffer head = readHead(path, length);
    CRC32 crc = new CRC32();
    crc.update(head.flip());
    return crc.getValue();
  }

  private static boolean isCompressed(Path path) throws IOException {
    ByteBuffer head = readHead(path, ZSTD_MAGIC.length).flip();
    return head.remaining() == ZSTD_MAGIC.length && head.equals(ByteBuffer.wrap(ZSTD_MAGIC));
  }

  private static ByteBuffer readHead(Path path, int length) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(length);
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
      while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
        // Reads on until the head is full or the file ends.
      }
    }
    return head;
  }

  private TraceFile remember(FileListing.Listed entry) {
    TraceFile file =
        new TraceFile(nextFileId++, entry.path(), entry.key(), entry.size(), entry.modified());
    lock.writeLock().lock();
    try {
      files.put(file.id, file);
    } finally {
      lock.writeLock().unlock();
    }
    return file;
  }

  private void rename(TraceFile file, Path path) {
    lock.writeLock().lock();
    try {
      file.path = path;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private Path path(int fileId) {
    return files.get(fileId).path;
  }

  private static Object identity(Object key, Path path) {
    return key == null ? path : key;
  }
}
