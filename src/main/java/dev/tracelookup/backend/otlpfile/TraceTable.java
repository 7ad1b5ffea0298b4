package dev.tracelookup.backend.otlpfile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * The index itself, in primitive arrays: per trace its ID and its occurrences; per occurrence (the
 * spans of one trace in one line) the line, the time range, whether a span fails and the set of
 * service and span names; per line its file, offset and length. Users and link targets map to trace
 * numbers.
 *
 * <p>A gigabyte of collector output holds about 300,000 traces: as objects (an ID string, two sets,
 * a list of line references each) they took over a gigabyte of heap; here each trace costs about 30
 * bytes and each occurrence about 30 more. Appends only; {@link #compact} copies what is kept into
 * a new table when files go or traces expire. Not thread-safe: {@link LiveIndex} guards it.
 */
final class TraceTable {
  private static final long NO_END = Long.MIN_VALUE;

  private final Vocabulary vocabulary;

  private int traceCount;
  private long[] traceHi;
  private long[] traceLo;
  // The trace's latest occurrence; each occurrence points to the one before.
  private int[] traceHead;
  // Open addressing over the trace IDs: trace number + 1, or 0 for a free slot.
  private int[] slots;

  private int occurrenceCount;
  private int[] occurrenceLine;
  private int[] occurrencePrevious;
  // Name set number << 1 | whether a span fails.
  private int[] occurrenceFacts;
  private long[] occurrenceStart;
  private long[] occurrenceEnd;

  private int lineCount;
  private int[] lineFile;
  private long[] lineOffset;
  private int[] lineLength;

  private final Map<String, IntList> tracesByUser = new HashMap<>();
  private final Map<TraceKey, IntList> tracesLinkingTo = new HashMap<>();
  // No trace ends before this; a lower bound between compactions.
  private long oldestEnd = Long.MAX_VALUE;

  TraceTable(Vocabulary vocabulary, int expectedTraces) {
    this.vocabulary = vocabulary;
    int traces = Math.max(16, expectedTraces);
    traceHi = new long[traces];
    traceLo = new long[traces];
    traceHead = new int[traces];
    slots = new int[Integer.highestOneBit(traces * 2 - 1) << 1];
    occurrenceLine = new int[traces];
    occurrencePrevious = new int[traces];
    occurrenceFacts = new int[traces];
    occurrenceStart = new long[traces];
    occurrenceEnd = new long[traces];
    lineFile = new int[traces];
    lineOffset = new long[traces];
    lineLength = new int[traces];
  }

  /** Returns how many traces the table holds. */
  int traceCount() {
    return traceCount;
  }

  /** Returns a lower bound of the traces' end times, to tell whether any may have expired. */
  long oldestEnd() {
    return oldestEnd;
  }

  /** Adds a line's position and returns its number. */
  int addLine(int file, long offset, int length) {
    if (lineCount == lineFile.length) {
      int capacity = grown(lineCount);
      lineFile = Arrays.copyOf(lineFile, capacity);
      lineOffset = Arrays.copyOf(lineOffset, capacity);
      lineLength = Arrays.copyOf(lineLength, capacity);
    }
    lineFile[lineCount] = file;
    lineOffset[lineCount] = offset;
    lineLength[lineCount] = length;
    return lineCount++;
  }

  /** Adds what the numbered line says of its spans. */
  void add(int line, LineFacts facts) {
    int[] traceOfSpan = new int[facts.spanCount];
    for (int span = 0; span < facts.spanCount; span++) {
      // Spans of one trace come in runs: look the ID up once per run.
      int trace =
          span > 0
                  && facts.traceHi[span] == facts.traceHi[span - 1]
                  && facts.traceLo[span] == facts.traceLo[span - 1]
              ? traceOfSpan[span - 1]
              : traceNumber(facts.traceHi[span], facts.traceLo[span], true);
      traceOfSpan[span] = trace;
      int occurrence = traceHead[trace];
      if (occurrence < 0 || occurrenceLine[occurrence] != line) {
        occurrence = addOccurrence(trace, line, facts.start[span], facts.end[span], 0);
      }
      int names = occurrenceFacts[occurrence] >>> 1;
      names = vocabulary.withName(names, Vocabulary.service(facts.service[span]));
      names = vocabulary.withName(names, Vocabulary.spanName(facts.name[span]));
      int failing = (occurrenceFacts[occurrence] & 1) | (facts.failing[span] ? 1 : 0);
      occurrenceFacts[occurrence] = names << 1 | failing;
      occurrenceStart[occurrence] = Math.min(occurrenceStart[occurrence], facts.start[span]);
      occurrenceEnd[occurrence] = Math.max(occurrenceEnd[occurrence], facts.end[span]);
    }
    for (LineFacts.UserOnSpan user : facts.users) {
      tracesByUser
          .computeIfAbsent(user.userId(), k -> new IntList(1))
          .addIfNotLast(traceOfSpan[user.span()]);
    }
    for (LineFacts.LinkOnSpan link : facts.links) {
      int trace = traceOfSpan[link.span()];
      if (link.traceHi() != traceHi[trace] || link.traceLo() != traceLo[trace]) {
        tracesLinkingTo
            .computeIfAbsent(new TraceKey(link.traceHi(), link.traceLo()), k -> new IntList(1))
            .addIfNotLast(trace);
      }
    }
  }

  /**
   * Returns the traces carrying the user ID that end at or after {@code notEndedBefore}, in
   * nanoseconds since the epoch, newest first.
   */
  List<IndexedTrace> tracesOf(String userId, long notEndedBefore, IntFunction<Path> files) {
    return views(tracesByUser.get(userId), notEndedBefore, files);
  }

  /** Returns the traces with a span linking into the given trace, newest first. */
  List<IndexedTrace> tracesLinkingTo(
      long hi, long lo, long notEndedBefore, IntFunction<Path> files) {
    return views(tracesLinkingTo.get(new TraceKey(hi, lo)), notEndedBefore, files);
  }

  /**
   * Returns the traces overlapping {@code [from, to]} (nanoseconds since the epoch) with a failing
   * span, a span of the service and a span of the name (set members, see {@link Vocabulary}), the
   * earliest {@code max} of them by start. Scans the table without touching a file; only the trace
   * numbers that match are held.
   */
  List<IndexedTrace> failingWith(
      int service,
      int name,
      long from,
      long to,
      long notEndedBefore,
      int max,
      IntFunction<Path> files) {
    // The earliest max by start, kept in a heap of (start, trace) so that a burst of any size
    // costs max entries, and only those become views.
    PriorityQueue<long[]> earliest =
        new PriorityQueue<>(
            Comparator.<long[]>comparingLong(entry -> entry[0])
                .thenComparingLong(entry -> entry[1])
                .reversed());
    for (int trace = 0; trace < traceCount; trace++) {
      long start = Long.MAX_VALUE;
      long end = NO_END;
      boolean failing = false;
      boolean hasService = false;
      boolean hasName = false;
      for (int o = traceHead[trace]; o >= 0; o = occurrencePrevious[o]) {
        start = Math.min(start, occurrenceStart[o]);
        end = Math.max(end, occurrenceEnd[o]);
        failing |= (occurrenceFacts[o] & 1) == 1;
        int[] members = vocabulary.members(occurrenceFacts[o] >>> 1);
        hasService |= Arrays.binarySearch(members, service) >= 0;
        hasName |= Arrays.binarySearch(members, name) >= 0;
      }
      if (failing && hasService && hasName && start <= to && end >= from && end >= notEndedBefore) {
        earliest.add(new long[] {start, trace});
        if (earliest.size() > max) {
          earliest.poll();
        }
      }
    }
    List<IndexedTrace> views = new ArrayList<>();
    for (long[] entry : earliest) {
      views.add(view((int) entry[1], files));
    }
    views.sort(IndexedTrace.NEWEST_FIRST.reversed());
    return views;
  }

  Optional<IndexedTrace> trace(long hi, long lo, long notEndedBefore, IntFunction<Path> files) {
    int trace = traceNumber(hi, lo, false);
    if (trace < 0) {
      return Optional.empty();
    }
    IndexedTrace view = view(trace, files);
    return view.endEpochNanos() < notEndedBefore ? Optional.empty() : Optional.of(view);
  }

  /**
   * Returns a new table with the occurrences in the files that {@code keepFile} accepts, of the
   * traces that end at or after {@code notEndedBefore}; traces left with none are gone.
   */
  TraceTable compact(IntPredicate keepFile, long notEndedBefore) {
    TraceTable kept = new TraceTable(vocabulary, traceCount);
    int[] lines = new int[lineCount];
    for (int line = 0; line < lineCount; line++) {
      lines[line] =
          keepFile.test(lineFile[line])
              ? kept.addLine(lineFile[line], lineOffset[line], lineLength[line])
              : -1;
    }
    int[] traces = new int[traceCount];
    for (int trace = 0; trace < traceCount; trace++) {
      traces[trace] = copyTrace(trace, lines, notEndedBefore, kept);
    }
    kept.oldestEnd = Long.MAX_VALUE;
    for (int trace = 0; trace < kept.traceCount; trace++) {
      kept.oldestEnd = Math.min(kept.oldestEnd, kept.end(trace));
    }
    copyIndex(tracesByUser, traces, kept.tracesByUser);
    copyIndex(tracesLinkingTo, traces, kept.tracesLinkingTo);
    return kept;
  }

  /** Returns the trace's number, or -1 when it is not there and is not to be added. */
  private int traceNumber(long hi, long lo, boolean add) {
    int mask = slots.length - 1;
    for (int slot = hash(hi, lo) & mask; ; slot = (slot + 1) & mask) {
      int trace = slots[slot] - 1;
      if (trace < 0) {
        return add ? addTrace(hi, lo, slot) : -1;
      }
      if (traceHi[trace] == hi && traceLo[trace] == lo) {
        return trace;
      }
    }
  }

  private int addTrace(long hi, long lo, int slot) {
    if (traceCount == traceHi.length) {
      int capacity = grown(traceCount);
      traceHi = Arrays.copyOf(traceHi, capacity);
      traceLo = Arrays.copyOf(traceLo, capacity);
      traceHead = Arrays.copyOf(traceHead, capacity);
    }
    int trace = traceCount++;
    traceHi[trace] = hi;
    traceLo[trace] = lo;
    traceHead[trace] = -1;
    slots[slot] = trace + 1;
    if (traceCount * 2 > slots.length) {
      rehash();
    }
    return trace;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int trace = 0; trace < traceCount; trace++) {
      int slot = hash(traceHi[trace], traceLo[trace]) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = trace + 1;
    }
  }

  private int addOccurrence(int trace, int line, long start, long end, int facts) {
    if (occurrenceCount == occurrenceLine.length) {
      int capacity = grown(occurrenceCount);
      occurrenceLine = Arrays.copyOf(occurrenceLine, capacity);
      occurrencePrevious = Arrays.copyOf(occurrencePrevious, capacity);
      occurrenceFacts = Arrays.copyOf(occurrenceFacts, capacity);
      occurrenceStart = Arrays.copyOf(occurrenceStart, capacity);
      occurrenceEnd = Arrays.copyOf(occurrenceEnd, capacity);
    }
    int occurrence = occurrenceCount++;
    occurrenceLine[occurrence] = line;
    occurrencePrevious[occurrence] = traceHead[trace];
    occurrenceFacts[occurrence] = facts;
    occurrenceStart[occurrence] = start;
    occurrenceEnd[occurrence] = end;
    traceHead[trace] = occurrence;
    oldestEnd = Math.min(oldestEnd, end);
    return occurrence;
  }

  /** Copies the trace's kept occurrences, oldest first; returns its new number, or -1. */
  private int copyTrace(int trace, int[] lines, long notEndedBefore, TraceTable kept) {
    long end = NO_END;
    List<Integer> occurrences = new ArrayList<>(2);
    for (int o = traceHead[trace]; o >= 0; o = occurrencePrevious[o]) {
      if (lines[occurrenceLine[o]] >= 0) {
        occurrences.add(o);
        end = Math.max(end, occurrenceEnd[o]);
      }
    }
    if (occurrences.isEmpty() || end < notEndedBefore) {
      return -1;
    }
    int copy = kept.traceNumber(traceHi[trace], traceLo[trace], true);
    for (int i = occurrences.size() - 1; i >= 0; i--) {
      int o = occurrences.get(i);
      kept.addOccurrence(
          copy, lines[occurrenceLine[o]], occurrenceStart[o], occurrenceEnd[o], occurrenceFacts[o]);
    }
    return copy;
  }

  private static <K> void copyIndex(Map<K, IntList> from, int[] traces, Map<K, IntList> to) {
    from.forEach(
        (key, list) -> {
          IntList copy = null;
          for (int value : list.distinct()) {
            if (traces[value] >= 0) {
              copy = copy == null ? new IntList(list.size()) : copy;
              copy.addIfNotLast(traces[value]);
            }
          }
          if (copy != null) {
            to.put(key, copy);
          }
        });
  }

  private long end(int trace) {
    long end = NO_END;
    for (int o = traceHead[trace]; o >= 0; o = occurrencePrevious[o]) {
      end = Math.max(end, occurrenceEnd[o]);
    }
    return end;
  }

  private List<IndexedTrace> views(IntList traces, long notEndedBefore, IntFunction<Path> files) {
    if (traces == null) {
      return List.of();
    }
    List<IndexedTrace> views = new ArrayList<>();
    for (int trace : traces.distinct()) {
      if (end(trace) >= notEndedBefore) {
        views.add(view(trace, files));
      }
    }
    views.sort(IndexedTrace.NEWEST_FIRST);
    return views;
  }

  /** Returns what search needs of the trace, with its lines' files as they are named now. */
  private IndexedTrace view(int trace, IntFunction<Path> files) {
    long start = Long.MAX_VALUE;
    long end = NO_END;
    boolean failing = false;
    Set<String> services = new HashSet<>();
    Set<String> spanNames = new HashSet<>();
    List<LineRef> lines = new ArrayList<>(2);
    for (int o = traceHead[trace]; o >= 0; o = occurrencePrevious[o]) {
      start = Math.min(start, occurrenceStart[o]);
      end = Math.max(end, occurrenceEnd[o]);
      failing |= (occurrenceFacts[o] & 1) == 1;
      // Read only: searches run this concurrently, so nothing is interned here.
      for (int member : vocabulary.members(occurrenceFacts[o] >>> 1)) {
        (member % 2 == 0 ? services : spanNames).add(vocabulary.name(member / 2));
      }
      int line = occurrenceLine[o];
      lines.add(new LineRef(files.apply(lineFile[line]), lineOffset[line], lineLength[line]));
    }
    // Occurrences are linked newest first; the trace reads its lines in the order they came.
    Collections.reverse(lines);
    String id = TraceIdBits.text(traceHi[trace], traceLo[trace]);
    return new IndexedTrace(id, start, end, services, spanNames, failing, lines);
  }

  private static int grown(int size) {
    return size + (size >> 1) + 16;
  }

  private static int hash(long hi, long lo) {
    long mixed = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E3779B97F4A7C15L;
    return (int) (mixed ^ (mixed >>> 32));
  }

  private record TraceKey(long hi, long lo) {}
}
