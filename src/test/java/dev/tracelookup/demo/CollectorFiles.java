package dev.tracelookup.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Lays spans out in files as a collector would: each SDK exports a span up to six seconds after it
 * ends, the collector's batch processor flushes every 30 seconds into one line (so a line mixes the
 * traces and services of that moment, and a trace that straddles a flush lands on several lines),
 * and the file rotates at noon (so a trace running over noon lands in both files).
 */
final class CollectorFiles {
  /** The file the collector writes to now: the afternoon. */
  static final String CURRENT_FILE = "traces-2026-02-06.jsonl";

  /** The morning's file, renamed at rotation the way the file exporter names backups. */
  static final String ROTATED_FILE = "traces-2026-02-06-2026-02-06T12-00-00.000.jsonl";

  private static final long FLUSH_NANOS = 30_000_000_000L;
  private static final long MAX_EXPORT_DELAY_MS = 6_000;
  private static final long ROTATION_NANOS = nanos(Instant.parse("2026-02-06T12:00:00Z"));

  private CollectorFiles() {}

  /** Returns each file's name and content, the rotated file first. */
  static Map<String, String> layOut(List<List<DemoSpan>> traces, Random random) {
    TreeMap<Long, List<Exported>> byFlush = new TreeMap<>();
    for (List<DemoSpan> trace : traces) {
      for (DemoSpan span : trace) {
        long exportedAt = span.endNanos + random.nextInt((int) MAX_EXPORT_DELAY_MS) * 1_000_000L;
        byFlush
            .computeIfAbsent(exportedAt / FLUSH_NANOS, flush -> new ArrayList<>())
            .add(new Exported(span, exportedAt));
      }
    }
    StringBuilder rotated = new StringBuilder();
    StringBuilder current = new StringBuilder();
    byFlush.forEach(
        (flush, exported) -> {
          List<DemoSpan> spans =
              exported.stream()
                  .sorted(Comparator.comparingLong(Exported::at))
                  .map(Exported::span)
                  .toList();
          StringBuilder file = (flush + 1) * FLUSH_NANOS <= ROTATION_NANOS ? rotated : current;
          file.append(OtlpLineWriter.line(spans)).append('\n');
        });
    Map<String, String> files = new LinkedHashMap<>();
    files.put(ROTATED_FILE, rotated.toString());
    files.put(CURRENT_FILE, current.toString());
    return files;
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private record Exported(DemoSpan span, long at) {}
}
